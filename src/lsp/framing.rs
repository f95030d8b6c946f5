//! LSP base-protocol frames (`Content-Length: N\r\n\r\n` + N bytes), read
//! with bounds so that no input can make the server allocate without limit,
//! block forever on a lie it can detect, or stop.
//!
//! Every header line is capped, the length must be a plain decimal number no
//! larger than [`MAX_BODY`], and the body is read as it arrives (never
//! allocated up front from the header's word). After a bad frame the reader
//! resynchronises on the next `Content-Length:` it sees, wherever it stands
//! in the stream (a rejected body is often followed directly by the next
//! frame's header, with no line break between them).

use std::io::{self, BufRead, Read, Write};

/// The largest body accepted (64 MiB: a long document, many times over).
pub const MAX_BODY: usize = 64 << 20;
/// The longest header line kept; longer ones are a bad frame.
const MAX_HEADER_LINE: usize = 4096;
/// The most header lines in one frame (the protocol defines two).
const MAX_HEADER_LINES: usize = 32;
/// What resynchronisation looks for (compared without case).
const LENGTH_HEADER: &[u8] = b"content-length:";

/// What one read gives.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A whole body, at most [`MAX_BODY`] bytes.
    Body(Vec<u8>),
    /// A frame that could not be read; the reason, for the error response.
    Bad(String),
    /// The end of the input.
    Eof,
}

/// Reads frames from a byte stream.
pub struct FrameReader<R> {
    inner: R,
    /// After a bad frame: skip to the next `Content-Length:` first.
    resync: bool,
}

impl<R: BufRead> FrameReader<R> {
    pub fn new(inner: R) -> FrameReader<R> {
        FrameReader {
            inner,
            resync: false,
        }
    }

    /// The next frame. Every call that does not return [`Frame::Eof`]
    /// consumes input, so a loop over it ends.
    pub fn next_frame(&mut self) -> io::Result<Frame> {
        let mut first_line = None;
        if self.resync {
            if !self.skip_to_length_header()? {
                return Ok(Frame::Eof);
            }
            self.resync = false;
            // The header name is consumed; the rest of its line is the value.
            let (rest, long) = self.read_line()?.unwrap_or_default();
            let mut line = b"Content-Length:".to_vec();
            line.extend_from_slice(&rest);
            first_line = Some((line, long));
        }
        match self.read_frame(first_line)? {
            Frame::Bad(why) => {
                self.resync = true;
                Ok(Frame::Bad(why))
            }
            other => Ok(other),
        }
    }

    fn read_frame(&mut self, mut pending: Option<(Vec<u8>, bool)>) -> io::Result<Frame> {
        let mut length = None;
        let mut lines = 0;
        loop {
            let Some((line, long)) = pending
                .take()
                .map_or_else(|| self.read_line(), |l| Ok(Some(l)))?
            else {
                return Ok(if lines == 0 {
                    Frame::Eof
                } else {
                    Frame::Bad("the input ended inside a header".into())
                });
            };
            if line.is_empty() {
                if lines == 0 {
                    continue; // a stray blank line between frames
                }
                break;
            }
            lines += 1;
            if long {
                return Ok(Frame::Bad(format!(
                    "a header line is longer than {MAX_HEADER_LINE} bytes"
                )));
            }
            if lines > MAX_HEADER_LINES {
                return Ok(Frame::Bad(format!(
                    "more than {MAX_HEADER_LINES} header lines"
                )));
            }
            let Some(colon) = line.iter().position(|&b| b == b':') else {
                return Ok(Frame::Bad(format!(
                    "not a header line: {:?}",
                    String::from_utf8_lossy(&line)
                )));
            };
            let (name, value) = line.split_at(colon);
            if name.trim_ascii().eq_ignore_ascii_case(b"content-length") {
                // `split_at(colon)` leaves the colon at the start of `value`.
                match parse_length(value.get(1..).unwrap_or_default()) {
                    Ok(n) => length = Some(n),
                    Err(why) => return Ok(Frame::Bad(why)),
                }
            }
            // Content-Type and unknown headers are allowed and ignored.
        }
        let Some(length) = length else {
            return Ok(Frame::Bad("a frame without Content-Length".into()));
        };
        // `take` + `read_to_end` grows the buffer as bytes arrive: a length
        // the client does not send costs nothing.
        let mut body = Vec::new();
        (&mut self.inner)
            .take(length as u64)
            .read_to_end(&mut body)?;
        if body.len() < length {
            return Ok(Frame::Bad(format!(
                "the input ended after {} of {length} body bytes",
                body.len()
            )));
        }
        Ok(Frame::Body(body))
    }

    /// One line without its `\r\n`, at most [`MAX_HEADER_LINE`] bytes kept
    /// (the flag says it was longer); `None` at the end of the input.
    fn read_line(&mut self) -> io::Result<Option<(Vec<u8>, bool)>> {
        let mut line = Vec::new();
        let mut long = false;
        let mut any = false;
        loop {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            any = true;
            let newline = buf.iter().position(|&b| b == b'\n');
            #[expect(
                clippy::indexing_slicing,
                reason = "`newline` is a position in `buf`, else buf.len()"
            )]
            let chunk = &buf[..newline.unwrap_or(buf.len())];
            let room = MAX_HEADER_LINE.saturating_sub(line.len());
            if chunk.len() > room {
                // Not a header: stop here, so that resynchronisation looks
                // at the rest (a frame may follow without a line break).
                #[expect(clippy::indexing_slicing, reason = "room < chunk.len(): the if")]
                line.extend_from_slice(&chunk[..room]);
                self.inner.consume(room);
                long = true;
                break;
            }
            line.extend_from_slice(chunk);
            let used = newline.map_or(buf.len(), |i| i + 1);
            self.inner.consume(used);
            if newline.is_some() {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(Some((line, long)))
    }

    /// Skips input up to and including the next `Content-Length:` (any
    /// case); false when the input ends first.
    fn skip_to_length_header(&mut self) -> io::Result<bool> {
        // The name has no repeated prefix, so on a mismatch the match can
        // only restart at the current byte.
        let mut matched = 0;
        loop {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            let mut used = 0;
            let mut found = false;
            for &b in buf {
                used += 1;
                let b = b.to_ascii_lowercase();
                if LENGTH_HEADER.get(matched) == Some(&b) {
                    matched += 1;
                } else {
                    matched = usize::from(LENGTH_HEADER.first() == Some(&b));
                }
                if matched == LENGTH_HEADER.len() {
                    found = true;
                    break;
                }
            }
            self.inner.consume(used);
            if found {
                return Ok(true);
            }
        }
    }
}

/// A Content-Length value: decimal digits only (no sign, exponent or
/// fraction), at most [`MAX_BODY`].
fn parse_length(value: &[u8]) -> Result<usize, String> {
    let value = value.trim_ascii();
    let shown = String::from_utf8_lossy(value);
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return Err(format!("Content-Length {shown:?} is not a number of bytes"));
    }
    // Digits only, so the only failure left is overflow.
    match shown.parse::<u64>() {
        Ok(n) if n <= MAX_BODY as u64 => Ok(n as usize),
        _ => Err(format!(
            "Content-Length {shown} is above the limit of {MAX_BODY} bytes"
        )),
    }
}

/// Writes one frame and flushes it.
pub fn write_frame(out: &mut impl Write, body: &[u8]) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
    out.write_all(body)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = FrameReader::new(input);
        let mut out = Vec::new();
        loop {
            match r.next_frame().unwrap() {
                Frame::Eof => return out,
                f => out.push(f),
            }
        }
    }

    fn body(s: &str) -> Frame {
        Frame::Body(s.as_bytes().to_vec())
    }

    #[test]
    fn good_frames_in_a_row() {
        let got =
            frames(b"Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]");
        assert_eq!(got, vec![body("{}"), body("[1]")]);
    }

    #[test]
    fn bad_lengths_are_rejected_and_the_next_frame_is_read() {
        for bad in [
            "8000000000",
            "1e12",
            "18446744073709551616",
            "-1",
            "",
            "0x10",
        ] {
            let input =
                format!("Content-Length: {bad}\r\n\r\n{{\"x\":1}}Content-Length: 2\r\n\r\n{{}}");
            let got = frames(input.as_bytes());
            assert!(matches!(got.first(), Some(Frame::Bad(_))), "{bad}: {got:?}");
            assert_eq!(got.last(), Some(&body("{}")), "{bad}");
        }
    }

    #[test]
    fn junk_long_lines_and_missing_lengths_resynchronise() {
        let long = "x".repeat(100_000);
        for junk in ["garbage\r\n", "Content-Type: a\r\n\r\n", long.as_str()] {
            let input = format!("{junk}Content-Length: 2\r\n\r\n{{}}");
            let got = frames(input.as_bytes());
            assert!(matches!(got.first(), Some(Frame::Bad(_))), "{got:?}");
            assert_eq!(got.last(), Some(&body("{}")));
        }
    }

    #[test]
    fn a_truncated_frame_is_bad_then_the_end() {
        assert!(matches!(
            frames(b"Content-Length: 10\r\n\r\n{}").as_slice(),
            [Frame::Bad(_)]
        ));
        assert!(matches!(
            frames(b"Content-Length: 10\r\n").as_slice(),
            [Frame::Bad(_)]
        ));
        assert!(frames(b"").is_empty());
    }
}
