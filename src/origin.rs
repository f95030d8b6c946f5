//! Where the text a document was parsed from came from, when it was not a
//! plain-text file: for a Word document, each paragraph's part, number and
//! heading. Plain data at the bottom layer, so that the parsed `Document`
//! can carry it without the syntax layers depending on the Word reader
//! (`docx` fills it; the reports read it through `docx::locate`).

/// Where a stretch of the extracted text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Body,
    Footnote,
    Endnote,
}

/// One paragraph (or table row, or note) of the extracted text.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub part: Part,
    /// 1-based paragraph index in the body; for a note, its number.
    pub number: usize,
    /// Byte range in the extracted text, label included.
    pub start: usize,
    pub end: usize,
    /// Where the paragraph's own text starts (after the numbering label).
    pub text_start: usize,
    pub table_row: bool,
    /// The heading in force (the last heading paragraph before this one).
    pub heading: Option<String>,
}

/// The extracted text's way back to the Word document.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub paragraphs: Vec<Mapped>,
}
