//! The one binary encoding of everything signed or sealed here: fixed-width big-endian numbers,
//! length-prefixed strings and byte strings. A signature covers exact bytes, so an encoding that
//! could be written two ways would let the same record hash two ways; the reader therefore
//! accepts nothing but what the writer makes (no trailing bytes, no oversize lengths).

use crate::LogError;

#[derive(Default)]
pub(crate) struct Writer(pub(crate) Vec<u8>);

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) -> &mut Self {
        self.0.push(v);
        self
    }
    pub(crate) fn u16(&mut self, v: u16) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    pub(crate) fn u64(&mut self, v: u64) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }
    pub(crate) fn raw(&mut self, v: &[u8]) -> &mut Self {
        self.0.extend_from_slice(v);
        self
    }
    /// A string of at most 255 bytes (longer ones are cut at a character boundary by callers).
    pub(crate) fn str(&mut self, s: &str) -> &mut Self {
        let len = u8::try_from(s.len()).unwrap_or(u8::MAX);
        self.0.push(len);
        self.0.extend_from_slice(&s.as_bytes()[..usize::from(len)]);
        self
    }
}

pub(crate) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { rest: bytes }
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], LogError> {
        if self.rest.len() < n {
            return Err(LogError::Malformed("cut short"));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], LogError> {
        self.take(N)?.try_into().map_err(|_| LogError::Malformed("cut short"))
    }
    pub(crate) fn u8(&mut self) -> Result<u8, LogError> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u16(&mut self) -> Result<u16, LogError> {
        Ok(u16::from_be_bytes(self.array()?))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, LogError> {
        Ok(u64::from_be_bytes(self.array()?))
    }
    pub(crate) fn str(&mut self) -> Result<String, LogError> {
        let len = usize::from(self.u8()?);
        let s = std::str::from_utf8(self.take(len)?).map_err(|_| LogError::Malformed("text is not UTF-8"))?;
        Ok(s.to_string())
    }
    pub(crate) fn end(&self) -> Result<(), LogError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(LogError::Malformed("bytes after the end"))
        }
    }
    pub(crate) fn remaining(&self) -> usize {
        self.rest.len()
    }
}

/// Cuts a name to what the encoding carries, at a character boundary.
pub(crate) fn short(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}
