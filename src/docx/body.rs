//! The walk over a part's paragraphs (`document.xml`, and each note of
//! `footnotes.xml` / `endnotes.xml`): runs, tracked changes, fields,
//! hyperlinks, tables and note references, into plain paragraphs with the
//! numbering label Word would show.

use super::numbering::{Numbering, ParaProps};
use super::xml::{attr, local, on, Ev, Xml};
use super::{DocxError, Revisions};
use std::collections::HashMap;

/// One paragraph as read (or one table row).
#[derive(Debug, Clone)]
pub struct Para {
    /// 1-based index of its (first) `w:p` in the part.
    pub index: usize,
    pub label: Option<String>,
    pub text: String,
    pub heading: bool,
    pub table_row: bool,
}

/// Footnote and endnote numbers, given in the order of their references.
#[derive(Debug, Default)]
pub struct NoteNumbers {
    pub order: Vec<(NoteKind, String)>,
    by_id: HashMap<(NoteKind, String), usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    Footnote,
    Endnote,
}

impl NoteNumbers {
    /// The number of a note, given at its first reference.
    fn number(&mut self, kind: NoteKind, id: String) -> usize {
        let next = self.order.len() + 1;
        *self.by_id.entry((kind, id.clone())).or_insert_with(|| {
            self.order.push((kind, id));
            next
        })
    }
}

/// A complex field (`w:fldChar`): its instruction is never text, its result is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Instruction,
    Result,
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
    first: Option<usize>,
}

#[derive(Debug)]
struct Open {
    index: usize,
    props: ParaProps,
    text: String,
    mark_inserted: bool,
    mark_deleted: bool,
}

/// The walker's state inside one part.
pub struct Walker<'n> {
    numbering: &'n mut Numbering,
    notes: &'n mut NoteNumbers,
    view: Revisions,
    /// References inside notes are not numbered (the note has its own mark).
    in_notes: bool,
    count: usize,
    para: Option<Open>,
    /// Text of paragraphs whose mark is gone in this view: it joins the next.
    carried: Option<(usize, String)>,
    inserted: u32,
    deleted: u32,
    fields: Vec<Field>,
    hidden_run: bool,
    rows: Vec<Row>,
    pub out: Vec<Para>,
}

/// Subtrees with no running text of the paragraph: drawings and text boxes,
/// property changes, section and table properties, ruby text.
const SKIPPED: &[&[u8]] = &[
    b"drawing",
    b"pict",
    b"object",
    b"AlternateContent",
    b"pPrChange",
    b"rPrChange",
    b"sectPr",
    b"tblPr",
    b"tblGrid",
    b"trPr",
    b"tcPr",
    b"sdtPr",
    b"sdtEndPr",
    b"rt",
    b"customXmlPr",
    b"smartTagPr",
    b"fldData",
    b"instrText",
    b"delInstrText",
];

impl<'n> Walker<'n> {
    pub fn new(
        numbering: &'n mut Numbering,
        notes: &'n mut NoteNumbers,
        view: Revisions,
        in_notes: bool,
    ) -> Self {
        Walker {
            numbering,
            notes,
            view,
            in_notes,
            count: 0,
            para: None,
            carried: None,
            inserted: 0,
            deleted: 0,
            fields: Vec::new(),
            hidden_run: false,
            rows: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Whether text at this point is shown in the chosen view.
    fn visible(&self) -> bool {
        let revision = match self.view {
            Revisions::Accepted => self.deleted == 0,
            Revisions::Rejected => self.inserted == 0,
        };
        revision && !self.hidden_run && !self.fields.contains(&Field::Instruction)
    }

    fn push(&mut self, s: &str) {
        if !self.visible() {
            return;
        }
        if let Some(p) = self.para.as_mut() {
            p.text.push_str(s);
        }
    }

    /// Handles one event; the caller owns the loop (and the part's end).
    pub fn event(&mut self, x: &mut Xml, ev: Ev) -> Result<(), DocxError> {
        match ev {
            Ev::Start(e) => {
                let name = local(&e);
                if SKIPPED.contains(&name) {
                    return x.skip(&e);
                }
                match name {
                    b"p" => {
                        self.count += 1;
                        self.para = Some(Open {
                            index: self.count,
                            props: ParaProps::default(),
                            text: String::new(),
                            mark_inserted: false,
                            mark_deleted: false,
                        });
                    }
                    b"pPr" => self.paragraph_properties(x)?,
                    b"r" => self.hidden_run = false,
                    b"rPr" => self.run_properties(x)?,
                    b"ins" | b"moveTo" => self.inserted += 1,
                    b"del" | b"moveFrom" => self.deleted += 1,
                    b"tab" | b"ptab" => self.push("\t"),
                    // A page or column break is layout, not a line of text.
                    b"br" | b"cr"
                        if !matches!(attr(&e, b"type").as_deref(), Some("page" | "column")) =>
                    {
                        self.push("\n")
                    }
                    b"noBreakHyphen" => self.push("\u{2011}"),
                    b"softHyphen" => self.push("\u{AD}"),
                    b"sym" => {
                        let c = attr(&e, b"char")
                            .and_then(|h| u32::from_str_radix(h.trim(), 16).ok())
                            .and_then(char::from_u32)
                            .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c));
                        if let Some(c) = c {
                            self.push(&c.to_string());
                        }
                    }
                    b"fldChar" => match attr(&e, b"fldCharType").as_deref() {
                        Some("begin") => self.fields.push(Field::Instruction),
                        Some("separate") => {
                            if let Some(f) = self.fields.last_mut() {
                                *f = Field::Result;
                            }
                        }
                        Some("end") => {
                            self.fields.pop();
                        }
                        _ => {}
                    },
                    b"footnoteReference" | b"endnoteReference"
                        if !self.in_notes && self.visible() =>
                    {
                        let kind = if name == b"footnoteReference" {
                            NoteKind::Footnote
                        } else {
                            NoteKind::Endnote
                        };
                        let id = attr(&e, b"id").unwrap_or_default();
                        let n = self.notes.number(kind, id);
                        self.push(&superscript(n));
                    }
                    b"tr" => self.rows.push(Row::default()),
                    b"tc" => {
                        if let Some(r) = self.rows.last_mut() {
                            r.cells.push(String::new());
                        }
                    }
                    _ => {}
                }
            }
            Ev::End(name) => match name.as_slice() {
                b"p" => self.end_paragraph(),
                b"ins" | b"moveTo" => self.inserted = self.inserted.saturating_sub(1),
                b"del" | b"moveFrom" => self.deleted = self.deleted.saturating_sub(1),
                b"r" => self.hidden_run = false,
                b"tr" => self.end_row(),
                _ => {}
            },
            Ev::Text(t) => self.push(&t),
            Ev::Eof => {}
        }
        Ok(())
    }

    /// `w:pPr`: style, list, outline level and the paragraph mark's revision.
    fn paragraph_properties(&mut self, x: &mut Xml) -> Result<(), DocxError> {
        let mut in_mark = false;
        loop {
            match x.next()? {
                Ev::Start(e) => {
                    let name = local(&e);
                    if SKIPPED.contains(&name) {
                        x.skip(&e)?;
                        continue;
                    }
                    let Some(p) = self.para.as_mut() else {
                        continue;
                    };
                    match name {
                        b"pStyle" => p.props.style = attr(&e, b"val"),
                        b"numId" => p.props.num_id = attr(&e, b"val"),
                        b"ilvl" => {
                            p.props.ilvl = attr(&e, b"val").and_then(|v| v.trim().parse().ok())
                        }
                        b"outlineLvl" => {
                            p.props.outline = attr(&e, b"val").and_then(|v| v.trim().parse().ok())
                        }
                        b"rPr" => in_mark = true,
                        b"ins" | b"moveTo" if in_mark => p.mark_inserted = true,
                        b"del" | b"moveFrom" if in_mark => p.mark_deleted = true,
                        _ => {}
                    }
                }
                Ev::End(name) if name == b"pPr" => return Ok(()),
                Ev::End(name) if name == b"rPr" => in_mark = false,
                Ev::Eof => return Err(x.error("the part ends inside paragraph properties")),
                _ => {}
            }
        }
    }

    /// `w:rPr` of a run: hidden text (`w:vanish`) is not shown.
    fn run_properties(&mut self, x: &mut Xml) -> Result<(), DocxError> {
        loop {
            match x.next()? {
                Ev::Start(e) => {
                    let name = local(&e);
                    if SKIPPED.contains(&name) {
                        x.skip(&e)?;
                    } else if name == b"vanish" {
                        self.hidden_run = on(&e);
                    }
                }
                Ev::End(name) if name == b"rPr" => return Ok(()),
                Ev::Eof => return Err(x.error("the part ends inside run properties")),
                _ => {}
            }
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.para.take() else { return };
        let gone = match self.view {
            Revisions::Accepted => p.mark_deleted,
            Revisions::Rejected => p.mark_inserted,
        };
        let (index, mut text) = match self.carried.take() {
            Some((i, t)) => (i, t),
            None => (p.index, String::new()),
        };
        text.push_str(&p.text);
        if gone {
            // The paragraph mark is deleted: Word shows this text at the
            // start of the next paragraph.
            self.carried = Some((index, text));
            return;
        }
        let label = self.numbering.label(&p.props);
        let heading = self.numbering.is_heading(&p.props);
        let text = tidy(&text);
        if let Some(row) = self.rows.last_mut() {
            let line = match &label {
                Some(l) => format!("{l} {text}"),
                None => text,
            };
            row.first.get_or_insert(index);
            if let Some(cell) = row.cells.last_mut() {
                if !cell.is_empty() && !line.trim().is_empty() {
                    cell.push(' ');
                }
                cell.push_str(line.trim());
            }
            return;
        }
        self.out.push(Para {
            index,
            label,
            text,
            heading,
            table_row: false,
        });
    }

    /// A table row becomes one paragraph, its cells separated by tabs; a
    /// nested table's rows go into the enclosing cell.
    fn end_row(&mut self) {
        let Some(row) = self.rows.pop() else { return };
        let line: Vec<&str> = row
            .cells
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        let line = line.join("\t");
        if let Some(outer) = self.rows.last_mut() {
            outer.first = outer.first.or(row.first);
            if let Some(cell) = outer.cells.last_mut() {
                if !cell.is_empty() && !line.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(&line);
            }
            return;
        }
        self.out.push(Para {
            index: row.first.unwrap_or(self.count),
            label: None,
            text: line,
            heading: false,
            table_row: true,
        });
    }

    /// The end of the part: text carried past the last paragraph is kept.
    pub fn finish(&mut self) {
        if let Some((index, text)) = self.carried.take() {
            self.out.push(Para {
                index,
                label: None,
                text: tidy(&text),
                heading: false,
                table_row: false,
            });
        }
        self.para = None;
        self.rows.clear();
        self.fields.clear();
        self.inserted = 0;
        self.deleted = 0;
        self.hidden_run = false;
    }

    /// Restarts paragraph counting (each note counts its own paragraphs).
    pub fn take(&mut self) -> Vec<Para> {
        self.finish();
        self.count = 0;
        std::mem::take(&mut self.out)
    }
}

/// A paragraph's text without blank lines inside it (two line breaks in a
/// row would end the paragraph for the lexer) or spaces at its ends.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines.join("\n").trim().to_string()
}

/// A note number as superscript digits, the form the lexer reads as a
/// footnote reference after a word and as a definition's label.
pub fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|d| match d {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect()
}
