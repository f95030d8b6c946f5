#![no_main]
//! The Word reader: no panic on any archive, and on any XML in any part of an
//! otherwise sound archive; the paragraph map stays inside the text, on
//! character boundaries; every finding has a Word location.
//!
//! Input: bytes starting with `PK` are read as the archive itself; anything
//! else is split at 0x01 bytes into document.xml, numbering.xml, styles.xml
//! and footnotes.xml of a stored (uncompressed) archive.
use conclint::docx::{extract, locate, Revisions, Source};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

const PARTS: [&str; 4] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
];

fn archive(data: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, part) in PARTS.iter().zip(data.split(|&b| b == 1)) {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(part).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn check(bytes: &[u8]) {
    for view in [Revisions::Accepted, Revisions::Rejected] {
        let Ok(e) = extract("fuzz.docx", bytes, view) else { continue };
        for m in &e.origin.paragraphs {
            assert!(m.start <= m.text_start && m.text_start <= m.end && m.end <= e.text.len());
            for at in [m.start, m.text_start, m.end] {
                assert!(e.text.is_char_boundary(at));
            }
        }
        let doc = Source { text: e.text, origin: Some(e.origin) }.parse(None);
        for f in conclint::lint::lint(&doc, &Default::default()) {
            if !doc.source.trim().is_empty() {
                assert!(locate(&doc, f.start).is_some());
            }
            let _ = conclint::docx::human_note(&doc, &f);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        check(data);
    } else {
        check(&archive(data));
    }
});
