//! What the sync client and the relay say to each other, in one place so the two cannot drift:
//! limits, the log frames a download returns, and the names of headers and paths.
//!
//! The relay only ever sees sealed batches: these frames carry them with the little the relay
//! must know (position in the team's log, sending device, the device's batch number).
//!
//! A download body is a sequence of frames, each:
//! `pos: u64 | seq: u64 | device_len: u8 | device | len: u32 | sealed` (big-endian).
#![warn(missing_docs)]

/// The largest sealed batch the relay accepts; the client packs below it.
pub const MAX_BATCH_BYTES: usize = 1024 * 1024;
/// The most frames one download returns.
pub const MAX_PAGE: usize = 500;
/// The most bytes one download returns (one frame is always sent, and fits): a phone on a slow
/// link takes the log a page at a time, each page kept once merged.
pub const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

/// The bytes `encode_frames` gives one frame.
pub fn encoded_frame_len(device: &str, sealed_len: usize) -> usize {
    29 + device.len() + sealed_len
}

/// Whether a frame of `len` encoded bytes still goes into a page that holds `frames` frames of
/// `bytes` bytes: the rule the relay fills pages by and the client checks them with.
pub fn fits_in_page(frames: usize, bytes: usize, len: usize) -> bool {
    frames == 0 || (frames < MAX_PAGE && bytes + len <= MAX_PAGE_BYTES)
}
/// Header carrying the SHA-256 (hex) of an uploaded body, so a cut upload is refused.
pub const DIGEST_HEADER: &str = "x-fieldscreen-sha256";
/// Longest device or team id.
pub const MAX_ID: usize = 64;
/// The largest membership record the relay keeps (a new epoch for 4,096 devices fits).
pub const MAX_RECORD_BYTES: usize = 512 * 1024;
/// The most membership records one answer carries.
pub const MAX_RECORDS_PAGE: usize = 2000;
/// The relay's answer (409) to an upload whose batch number holds a different batch: the device
/// sent that number before with other content (its acknowledgement was lost, then the batch was
/// packed again), so it moves on to the next number.
pub const BATCH_NUMBER_TAKEN: &str = "a different batch already has this number";
/// Header carrying a new device's relay token when it creates a team.
pub const TOKEN_HEADER: &str = "x-fieldscreen-token";
/// The authorization scheme of someone holding an invitation: `Invite <id>.<secret>`.
pub const INVITE_SCHEME: &str = "Invite ";
/// How long an invitation lives unless the inviter says otherwise.
pub const DEFAULT_INVITATION_SECONDS: u64 = 15 * 60;
/// The longest an invitation may live.
pub const MAX_INVITATION_SECONDS: u64 = 24 * 60 * 60;
/// Join requests one invitation takes before the relay refuses more.
pub const MAX_REQUESTS_PER_INVITATION: u64 = 5;

/// One entry of a team's log as a download carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Position in the team's log; a client asks for what comes after the last it saw.
    pub pos: u64,
    /// The device that sent the batch.
    pub device: String,
    /// The sending device's own batch number (1, 2, …).
    pub seq: u64,
    /// The batch, sealed by its device: the relay cannot open it.
    pub sealed: Vec<u8>,
}

/// A device of a team as the relay knows it, listed for the team's admins
/// (`GET paths::devices`, JSON).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeviceStatus {
    /// The device's id.
    pub device: String,
    /// It may let devices in and revoke them.
    pub admin: bool,
    /// It was revoked: the relay refuses its token.
    pub revoked: bool,
    /// It has made a request with its token since it was let in.
    pub used: bool,
    /// When it was let in, seconds since the epoch.
    pub added_at: i64,
    /// The last log position it acknowledged.
    pub acked: u64,
    /// The last batch number it sent.
    pub last_seq: u64,
}

/// Why a body from the other side could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WireError {
    /// It ended inside the named part.
    #[error("the relay's answer was cut short ({0})")]
    Truncated(&'static str),
    /// The named part breaks a limit or the format.
    #[error("the relay's answer is malformed ({0})")]
    Malformed(&'static str),
}

/// An id the relay accepts in a path: 1–64 of `[a-z0-9-]`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A download body: the frames one after another, in the format above.
pub fn encode_frames(frames: &[Frame]) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        frames
            .iter()
            .map(|f| encoded_frame_len(&f.device, f.sealed.len()))
            .sum(),
    );
    for f in frames {
        out.extend_from_slice(&f.pos.to_be_bytes());
        out.extend_from_slice(&f.seq.to_be_bytes());
        // Ids are checked with `valid_id` before they are stored, so they fit in a byte.
        out.push(u8::try_from(f.device.len()).unwrap_or(u8::MAX));
        out.extend_from_slice(f.device.as_bytes());
        out.extend_from_slice(&u32::try_from(f.sealed.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(&f.sealed);
    }
    out
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], WireError> {
        if self.rest.len() < n {
            return Err(WireError::Truncated(what));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn u64(&mut self, what: &'static str) -> Result<u64, WireError> {
        let b = self.take(8, what)?;
        Ok(u64::from_be_bytes(
            b.try_into().map_err(|_| WireError::Truncated(what))?,
        ))
    }
}

/// Decodes a download body. Frames must come in increasing `pos` order, with valid device ids
/// and batches within the limit: anything else is refused whole, never half-applied.
pub fn decode_frames(body: &[u8]) -> Result<Vec<Frame>, WireError> {
    let mut r = Reader { rest: body };
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut last = 0u64;
    while !r.rest.is_empty() {
        let pos = r.u64("position")?;
        let seq = r.u64("batch number")?;
        let device_len = r.take(1, "device id length")?[0] as usize;
        let device = std::str::from_utf8(r.take(device_len, "device id")?)
            .map_err(|_| WireError::Malformed("device id"))?
            .to_string();
        if !valid_id(&device) {
            return Err(WireError::Malformed("device id"));
        }
        let len_bytes = r.take(4, "batch length")?;
        let len = u32::from_be_bytes(len_bytes.try_into().map_err(|_| WireError::Truncated("batch length"))?) as usize;
        if len > MAX_BATCH_BYTES {
            return Err(WireError::Malformed("batch larger than the limit"));
        }
        let frame_len = encoded_frame_len(&device, len);
        if !fits_in_page(out.len(), bytes, frame_len) {
            return Err(WireError::Malformed("more than a page holds"));
        }
        bytes += frame_len;
        let sealed = r.take(len, "batch")?.to_vec();
        if pos <= last || seq == 0 {
            return Err(WireError::Malformed("positions out of order"));
        }
        last = pos;
        out.push(Frame {
            pos,
            device,
            seq,
            sealed,
        });
    }
    Ok(out)
}

/// Membership records as the relay hands them out: each `len: u32 | record`.
pub fn encode_records<B: AsRef<[u8]>>(records: &[B]) -> Vec<u8> {
    let mut out = Vec::with_capacity(records.iter().map(|r| 4 + r.as_ref().len()).sum());
    for r in records {
        let r = r.as_ref();
        out.extend_from_slice(&u32::try_from(r.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(r);
    }
    out
}

/// Decodes what `encode_records` made; anything cut short, oversize or too long is refused whole.
pub fn decode_records(body: &[u8]) -> Result<Vec<Vec<u8>>, WireError> {
    let mut r = Reader { rest: body };
    let mut out = Vec::new();
    while !r.rest.is_empty() {
        let len_bytes = r.take(4, "record length")?;
        let len = u32::from_be_bytes(
            len_bytes
                .try_into()
                .map_err(|_| WireError::Truncated("record length"))?,
        ) as usize;
        if len > MAX_RECORD_BYTES {
            return Err(WireError::Malformed("membership record larger than the limit"));
        }
        out.push(r.take(len, "record")?.to_vec());
        if out.len() > MAX_RECORDS_PAGE {
            return Err(WireError::Malformed("more records than a page holds"));
        }
    }
    Ok(out)
}

/// SHA-256 is done by each side with its own crate; this names the request paths.
pub mod paths {
    /// Where a team is created.
    pub fn teams() -> String {
        "/v1/teams".into()
    }
    /// A team's membership records after position `after`.
    pub fn membership(team: &str, after: u64) -> String {
        format!("/v1/teams/{team}/membership?after={after}")
    }
    /// Appending a record; `approve` names the join request an `Added` record answers.
    pub fn append_record(team: &str, approve: Option<&str>) -> String {
        match approve {
            Some(device) => format!("/v1/teams/{team}/membership?approve={device}"),
            None => format!("/v1/teams/{team}/membership"),
        }
    }
    /// Where an admin registers an invitation.
    pub fn invitations(team: &str) -> String {
        format!("/v1/teams/{team}/invitations")
    }
    /// Where someone holding an invitation asks to join.
    pub fn join_requests_of(team: &str, invitation: &str) -> String {
        format!("/v1/teams/{team}/invitations/{invitation}/requests")
    }
    /// The team's pending join requests, for its admins.
    pub fn requests(team: &str) -> String {
        format!("/v1/teams/{team}/requests")
    }
    /// One join request: its state for the asking device, its refusal for an admin.
    pub fn request(team: &str, device: &str) -> String {
        format!("/v1/teams/{team}/requests/{device}")
    }
    /// One sealed batch of a device, by its batch number (upload, and a fetch of one withheld).
    pub fn batch(team: &str, device: &str, seq: u64) -> String {
        format!("/v1/teams/{team}/devices/{device}/batches/{seq}")
    }
    /// The team's devices as the relay knows them (`DeviceStatus`), for its admins.
    pub fn devices(team: &str) -> String {
        format!("/v1/teams/{team}/devices")
    }
    /// A page of the team's log after position `after`, at most `limit` frames.
    pub fn log(team: &str, after: u64, limit: usize) -> String {
        format!("/v1/teams/{team}/log?after={after}&limit={limit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(pos: u64, len: usize) -> Frame {
        Frame {
            pos,
            device: "d-1".into(),
            seq: pos,
            sealed: vec![7; len],
        }
    }

    #[test]
    fn frames_round_trip_and_every_cut_is_refused() {
        let frames = vec![frame(1, 0), frame(2, 300), frame(9, 5)];
        let body = encode_frames(&frames);
        assert_eq!(decode_frames(&body), Ok(frames));
        for cut in 1..body.len() {
            // A cut at a frame boundary is a shorter, valid page; anywhere else it is refused.
            let boundaries = [24, 24 + 24 + 300];
            if !boundaries.contains(&cut) {
                assert!(decode_frames(&body[..cut]).is_err(), "cut at {cut}");
            }
        }
    }

    #[test]
    fn disorder_bad_ids_and_oversize_are_refused() {
        let body = encode_frames(&[frame(2, 1), frame(2, 1)]);
        assert!(decode_frames(&body).is_err());
        let mut bad = frame(1, 1);
        bad.device = "D/../x".into();
        assert!(decode_frames(&encode_frames(&[bad])).is_err());
        let mut body = encode_frames(&[frame(1, 0)]);
        let n = body.len();
        body[n - 4..].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(
            decode_frames(&body),
            Err(WireError::Malformed("batch larger than the limit"))
        );
        let records = vec![vec![1u8, 2, 3], Vec::new(), vec![9; 40]];
        let body = encode_records(&records);
        assert_eq!(decode_records(&body), Ok(records));
        for cut in [1, 5, 8, body.len() - 1] {
            assert!(decode_records(&body[..cut]).is_err(), "cut at {cut}");
        }
        assert!(valid_id("3f2a-team") && !valid_id("") && !valid_id("Upper") && !valid_id(&"a".repeat(65)));
    }

    #[test]
    fn a_page_holds_one_full_batch_but_never_more_than_its_bytes() {
        let one = encode_frames(&[frame(1, MAX_BATCH_BYTES)]);
        assert_eq!(decode_frames(&one).map(|f| f.len()), Ok(1));
        let two = encode_frames(&[frame(1, MAX_BATCH_BYTES), frame(2, MAX_BATCH_BYTES)]);
        assert!(two.len() > MAX_PAGE_BYTES);
        assert_eq!(decode_frames(&two), Err(WireError::Malformed("more than a page holds")));
        let small: Vec<Frame> = (1..=MAX_PAGE as u64 + 1).map(|p| frame(p, 1)).collect();
        assert!(
            decode_frames(&encode_frames(&small)).is_err(),
            "more frames than a page"
        );
        assert!(fits_in_page(0, 0, usize::MAX), "a page always takes its first frame");
    }
}
