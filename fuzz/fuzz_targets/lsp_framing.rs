#![no_main]
//! The language server's frame reader and message classifier on any byte
//! stream: no panic, every read consumes input until the end, no body over
//! the limit.
use conclint::lsp::framing::{Frame, FrameReader, MAX_BODY};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = FrameReader::new(data);
    // Each frame but the last consumes at least one byte.
    for _ in 0..=data.len() + 1 {
        match reader.next_frame() {
            Ok(Frame::Eof) => return,
            Ok(Frame::Body(body)) => {
                assert!(body.len() <= MAX_BODY);
                let _ = conclint::lsp::message::classify(&body);
            }
            Ok(Frame::Bad(why)) => assert!(!why.is_empty()),
            Err(e) => panic!("reading a slice cannot fail: {e}"),
        }
    }
    panic!("the reader did not reach the end of {} bytes", data.len());
});
