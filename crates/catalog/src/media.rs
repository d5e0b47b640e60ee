//! A protocol's clips and pictures: the recorded (or synthesised) question for a respondent who
//! answers alone (`audio/<lang>/<message-key>.opus`, synthetic ones under
//! `audio/<lang>/synthetic/`), and pictograms (`pictures/<name>.svg`). The check proves every
//! clip is one a player can play and short enough to listen to, and names the clips each
//! language lacks.

use crate::ProtocolSource;
use fieldscreen_protocol::model::{Protocol, SectionMode};
use fieldscreen_protocol::{Diagnostic, Location, Severity};
use std::collections::BTreeMap;
use std::sync::Arc;

/// No clip or picture is read beyond this size (the check names the file instead).
pub const MAX_MEDIA_BYTES: u64 = 1 << 20;
/// A question read aloud longer than this loses the listener.
pub const MAX_CLIP_SECONDS: f64 = 30.0;
/// The folder of the synthetic clips within a language's folder.
pub const SYNTHETIC_DIR: &str = "synthetic";
/// Clip formats by file extension, the recorded ones looked for first.
pub const CLIP_EXTENSIONS: [&str; 4] = ["opus", "ogg", "mp3", "wav"];

/// A file under a protocol's `audio/` or `pictures/` folder.
#[derive(Debug, Clone)]
pub struct MediaFile {
    /// As the user would recognise it.
    pub path: String,
    /// Relative to the protocol's directory, with `/` (`audio/ar/q-danger-now.opus`).
    pub rel: String,
    /// Its size on disk.
    pub size: u64,
    /// Its contents (empty when larger than `MAX_MEDIA_BYTES`).
    pub bytes: Arc<[u8]>,
}

/// `path` relative to a protocol's directory `root`, with `/` whatever the system writes.
pub fn relative(root: &std::path::Path, path: &std::path::Path) -> String {
    path.strip_prefix(root)
        .map(|r| {
            r.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default()
}

/// How a clip is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipFormat {
    /// Opus in Ogg.
    Opus,
    /// Vorbis in Ogg.
    Vorbis,
    /// MPEG layer III.
    Mp3,
    /// RIFF WAVE (PCM).
    Wav,
}

impl ClipFormat {
    /// Its media type, as a browser plays it.
    pub fn mime(self) -> &'static str {
        match self {
            ClipFormat::Opus | ClipFormat::Vorbis => "audio/ogg",
            ClipFormat::Mp3 => "audio/mpeg",
            ClipFormat::Wav => "audio/wav",
        }
    }
}

/// A clip ready to play.
#[derive(Debug, Clone)]
pub struct Clip {
    /// Its encoding.
    pub format: ClipFormat,
    /// Its bytes.
    pub bytes: Arc<[u8]>,
    /// Made by a speech synthesiser, not recorded by a person.
    pub synthetic: bool,
}

fn u32_le(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The encoding and, where the container says it, the length in seconds of a clip.
pub fn probe(bytes: &[u8]) -> Result<(ClipFormat, Option<f64>), String> {
    if bytes.starts_with(b"OggS") {
        // The last page's granule position is the number of samples (at 48 kHz for Opus).
        let last = bytes.windows(4).rposition(|w| w == b"OggS").unwrap_or(0);
        let granule = bytes
            .get(last + 6..last + 14)
            .map(|g| u64::from_le_bytes([g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]]));
        let head = &bytes[..bytes.len().min(512)];
        if let Some(at) = find(head, b"OpusHead") {
            let pre_skip = bytes
                .get(at + 10..at + 12)
                .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]));
            let seconds = granule.map(|g| g.saturating_sub(u64::from(pre_skip)) as f64 / 48_000.0);
            return Ok((ClipFormat::Opus, seconds));
        }
        if let Some(at) = find(head, b"\x01vorbis") {
            let rate = u32_le(bytes, at + 12).filter(|r| *r > 0);
            let seconds = granule.zip(rate).map(|(g, r)| g as f64 / f64::from(r));
            return Ok((ClipFormat::Vorbis, seconds));
        }
        return Err("an Ogg file holding neither Opus nor Vorbis".into());
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WAVE") {
        let (mut at, mut byte_rate, mut data) = (12usize, None, None);
        while let (Some(id), Some(size)) = (bytes.get(at..at + 4), u32_le(bytes, at + 4)) {
            match id {
                b"fmt " => {
                    let format = bytes.get(at + 8..at + 10).map(|s| u16::from_le_bytes([s[0], s[1]]));
                    if !matches!(format, Some(1 | 3 | 0xFFFE)) {
                        return Err("a WAVE file that is not PCM".into());
                    }
                    byte_rate = u32_le(bytes, at + 16).filter(|r| *r > 0);
                }
                b"data" => data = Some(size),
                _ => {}
            }
            at = at.saturating_add(8).saturating_add(size as usize + (size as usize & 1));
        }
        return match (byte_rate, data) {
            (Some(rate), Some(size)) => Ok((ClipFormat::Wav, Some(f64::from(size) / f64::from(rate)))),
            _ => Err("a WAVE file without its format or data".into()),
        };
    }
    if bytes.starts_with(b"ID3") || bytes.get(..2).is_some_and(|b| b[0] == 0xFF && b[1] & 0xE0 == 0xE0) {
        return Ok((ClipFormat::Mp3, None));
    }
    Err("not a clip a player can play: Ogg Opus, Ogg Vorbis, MP3 or WAV (PCM) expected".into())
}

/// The clip for message `key` in language `lang`: a recorded one when there is one, else a
/// synthetic one.
pub fn clip(media: &[MediaFile], lang: &str, key: &str) -> Option<Clip> {
    for (dir, synthetic) in [
        (format!("audio/{lang}"), false),
        (format!("audio/{lang}/{SYNTHETIC_DIR}"), true),
    ] {
        for ext in CLIP_EXTENSIONS {
            let rel = format!("{dir}/{key}.{ext}");
            if let Some(f) = media.iter().find(|m| m.rel == rel)
                && let Ok((format, _)) = probe(&f.bytes)
            {
                return Some(Clip {
                    format,
                    bytes: f.bytes.clone(),
                    synthetic,
                });
            }
        }
    }
    None
}

/// A picture's SVG text.
pub fn picture<'a>(media: &'a [MediaFile], rel: &str) -> Option<&'a str> {
    media
        .iter()
        .find(|m| m.rel == rel)
        .and_then(|m| std::str::from_utf8(&m.bytes).ok())
}

fn diag(
    severity: Severity,
    code: &'static str,
    file: &str,
    path: &str,
    message: String,
    hint: Option<&str>,
) -> Diagnostic {
    Diagnostic {
        severity,
        code,
        file: file.to_string(),
        location: Location { line: 1, column: 1 },
        path: path.to_string(),
        message,
        hint: hint.map(str::to_string),
    }
}

/// The messages a respondent answering alone hears: each self-answer question and the labels
/// of its choices (a yes/no question's answers are the app's own, with their own pictures).
pub fn voiced_keys(protocol: &Protocol) -> Vec<String> {
    let mut keys = Vec::new();
    for q in &protocol.questions {
        if protocol.sections[q.section].mode != SectionMode::SelfAnswer {
            continue;
        }
        keys.push(q.text_key.clone());
        for c in q.kind.choices() {
            if !keys.contains(&c.label_key) {
                keys.push(c.label_key.clone());
            }
        }
    }
    keys
}

/// What is wrong with a protocol's clips and pictures, and which clips each language lacks.
pub fn check_media(protocol: &Protocol, src: &ProtocolSource, protocol_path: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let langs: Vec<&str> = protocol.header.languages.iter().map(|l| l.tag.as_str()).collect();
    for f in &src.media {
        if let Some(rest) = f.rel.strip_prefix("audio/") {
            let parts: Vec<&str> = rest.split('/').collect();
            let (lang, name) = match parts.as_slice() {
                [lang, name] => (*lang, *name),
                [lang, SYNTHETIC_DIR, name] => (*lang, *name),
                _ => {
                    out.push(diag(
                        Severity::Error,
                        "audio-place",
                        &f.path,
                        "",
                        "a clip belongs in audio/<lang>/<message-key>.<ext> or audio/<lang>/synthetic/".into(),
                        None,
                    ));
                    continue;
                }
            };
            if !langs.contains(&lang) {
                out.push(diag(
                    Severity::Warning,
                    "audio-language",
                    &f.path,
                    "",
                    format!("the protocol declares no language `{lang}`; the clip is never played"),
                    None,
                ));
            }
            let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
            if !CLIP_EXTENSIONS.contains(&ext) {
                out.push(diag(
                    Severity::Error,
                    "audio-format",
                    &f.path,
                    "",
                    format!("`.{ext}` is not a clip format: use .opus, .ogg, .mp3 or .wav"),
                    None,
                ));
                continue;
            }
            if f.size > MAX_MEDIA_BYTES {
                out.push(diag(
                    Severity::Error,
                    "audio-too-large",
                    &f.path,
                    "",
                    format!("{} bytes; a clip may take at most {MAX_MEDIA_BYTES}", f.size),
                    Some("encode it as Opus at 16–24 kbit/s"),
                ));
                continue;
            }
            match probe(&f.bytes) {
                Err(why) => out.push(diag(Severity::Error, "audio-format", &f.path, "", why, None)),
                Ok((_, Some(seconds))) if seconds > MAX_CLIP_SECONDS => out.push(diag(
                    Severity::Error,
                    "audio-too-long",
                    &f.path,
                    "",
                    format!("{seconds:.1} s long; a question's clip may last at most {MAX_CLIP_SECONDS} s"),
                    Some("shorten the question or record it again"),
                )),
                Ok(_) => {}
            }
        }
    }
    let mut missing: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
    for q in &protocol.questions {
        if let Some(rel) = &q.picture {
            let path = format!("question `{}`.picture", q.id);
            match src.media.iter().find(|m| &m.rel == rel) {
                None => out.push(diag(
                    Severity::Error,
                    "picture-missing",
                    protocol_path,
                    &path,
                    format!("no file {rel} in the protocol's directory"),
                    None,
                )),
                Some(m) => {
                    let text = std::str::from_utf8(&m.bytes).unwrap_or_default();
                    if m.size > MAX_MEDIA_BYTES
                        || !text.contains("<svg")
                        || text.to_ascii_lowercase().contains("<script")
                    {
                        out.push(diag(
                            Severity::Error,
                            "picture-format",
                            &m.path,
                            &path,
                            "a picture is an SVG file without scripts, at most 1 MiB".into(),
                            None,
                        ));
                    }
                }
            }
        }
    }
    let voiced = voiced_keys(protocol);
    for key in &voiced {
        for lang in &langs {
            if clip(&src.media, lang, key).is_none() {
                missing.entry(lang).or_default().push(key);
            }
        }
    }
    for (lang, keys) in missing {
        out.push(diag(
            Severity::Warning,
            "audio-missing",
            &src.dir,
            "",
            format!(
                "`{lang}`: no clip for {} of the {} messages a respondent answering alone hears: {}",
                keys.len(),
                voiced.len(),
                keys.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
            ),
            Some("record them (audio/<lang>/<key>.opus), or synthesise them with scripts/synthesize-audio.sh"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checked, check};

    fn rapid() -> ProtocolSource {
        crate::bundled::protocols()
            .into_iter()
            .find(|s| s.dir_name == "rapid-screen")
            .expect("bundled")
    }

    fn checked(src: &ProtocolSource) -> Checked {
        check(
            src,
            &crate::bundled::app_strings(),
            Some(jiff::civil::date(2026, 12, 1)),
        )
    }

    fn found(c: &Checked, code: &str) -> Vec<String> {
        c.diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| d.to_string())
            .collect()
    }

    /// A PCM WAVE file of `seconds` of silence, 8 kHz, 16-bit mono.
    fn wav(seconds: u32) -> Vec<u8> {
        let data = 8_000 * 2 * seconds;
        let mut b = Vec::new();
        b.extend(b"RIFF");
        b.extend((36 + data).to_le_bytes());
        b.extend(b"WAVEfmt ");
        b.extend(16u32.to_le_bytes());
        b.extend(1u16.to_le_bytes());
        b.extend(1u16.to_le_bytes());
        b.extend(8_000u32.to_le_bytes());
        b.extend(16_000u32.to_le_bytes());
        b.extend(2u16.to_le_bytes());
        b.extend(16u16.to_le_bytes());
        b.extend(b"data");
        b.extend(data.to_le_bytes());
        b.resize(b.len() + data as usize, 0);
        b
    }

    fn file(rel: &str, bytes: Vec<u8>) -> MediaFile {
        MediaFile {
            path: format!("upload/{rel}"),
            rel: rel.into(),
            size: bytes.len() as u64,
            bytes: bytes.into(),
        }
    }

    proptest::proptest! {
        /// Whatever the bytes (and whatever a real header they start with), probing answers
        /// with a format or a reason, never a panic.
        #[test]
        fn probing_any_bytes_never_panics(
            head in proptest::sample::select(vec![&b""[..], b"OggS", b"RIFF\0\0\0\0WAVE", b"ID3", b"\xff\xfb"]),
            rest in proptest::collection::vec(proptest::num::u8::ANY, 0..600),
        ) {
            let mut bytes = head.to_vec();
            bytes.extend(rest);
            let _ = probe(&bytes);
        }
    }

    #[test]
    fn the_bundled_clips_are_opus_of_a_listenable_length_and_complete() {
        let src = rapid();
        let c = checked(&src);
        assert!(c.protocol.is_some());
        let media: Vec<String> = c
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("audio"))
            .map(|d| d.to_string())
            .collect();
        assert!(media.is_empty(), "{media:?}");
        let clip = clip(&src.media, "ar", "q-danger-now").expect("a clip");
        assert!(clip.synthetic);
        let (format, seconds) = probe(&clip.bytes).expect("playable");
        assert_eq!(format, ClipFormat::Opus);
        let seconds = seconds.expect("a length");
        assert!((1.0..15.0).contains(&seconds), "{seconds} s");
    }

    #[test]
    fn a_missing_clip_a_wrong_format_and_a_long_clip_are_named() {
        let mut src = rapid();
        src.media.retain(|m| m.rel != "audio/vi/synthetic/q-threatened.opus");
        src.media
            .push(file("audio/ar/q-debt-work.opus", b"not audio at all".to_vec()));
        src.media.push(file("audio/ru/q-gender.flac", b"fLaC".to_vec()));
        src.media.push(file("audio/uk/q-threatened.wav", wav(31)));
        src.media.push(file("audio/ro/q-threatened.wav", wav(2)));
        let c = checked(&src);
        let missing = found(&c, "audio-missing");
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(
            missing[0].contains("`vi`: no clip for 1 of the 11") && missing[0].contains("q-threatened"),
            "{missing:?}"
        );
        let format = found(&c, "audio-format");
        assert!(
            format
                .iter()
                .any(|d| d.starts_with("upload/audio/ar/q-debt-work.opus:1:1: error")),
            "{format:?}"
        );
        assert!(
            format
                .iter()
                .any(|d| d.contains("upload/audio/ru/q-gender.flac") && d.contains(".flac")),
            "{format:?}"
        );
        let long = found(&c, "audio-too-long");
        assert_eq!(long.len(), 1, "{long:?}");
        assert!(
            long[0].contains("upload/audio/uk/q-threatened.wav") && long[0].contains("31.0 s"),
            "{long:?}"
        );
        // A recorded clip wins over the synthetic one, and is marked as recorded.
        let recorded = clip(&src.media, "ro", "q-threatened").expect("a clip");
        assert!(!recorded.synthetic);
        assert_eq!(recorded.format, ClipFormat::Wav);
        // A file that is no clip is never offered to the player.
        assert!(clip(&src.media, "ar", "q-debt-work").is_some_and(|c| c.synthetic));
    }

    #[test]
    fn a_self_answer_section_takes_yes_no_and_one_choice_questions_and_real_pictures() {
        let edited = |from: &str, to: &str| {
            let mut src = rapid();
            if let Some(f) = src.protocol.as_mut() {
                f.text = f.text.replacen(from, to, 1);
            }
            src
        };
        let c = checked(&edited(
            "id = \"danger_now\"\ntype = \"yes-no\"",
            "id = \"danger_now\"\ntype = \"number\"\nmin = 0\nmax = 9",
        ));
        let kind = found(&c, "self-answer-kind");
        assert!(
            kind.iter().any(|d| d.contains("`danger_now` is a number question")),
            "{kind:?}"
        );

        let mut src = edited(
            "id = \"sex_for_others\"",
            "id = \"sex_for_others\"\npicture = \"pictures/bed.svg\"",
        );
        if let Some(f) = src.protocol.as_mut() {
            f.text = f
                .text
                .replacen("id = \"gender\"", "id = \"gender\"\npicture = \"pictures/fist.svg\"", 1);
        }
        src.media.push(file(
            "pictures/fist.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec(),
        ));
        let c = checked(&src);
        assert!(
            found(&c, "picture-missing")
                .iter()
                .any(|d| d.contains("pictures/bed.svg"))
        );
        assert!(
            found(&c, "picture-format")
                .iter()
                .any(|d| d.contains("pictures/fist.svg"))
        );
    }
}
