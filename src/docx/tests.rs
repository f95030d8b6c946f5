//! Small documents built in memory: the walk's cases one by one.

use super::{extract, Part, Revisions};
use std::io::Write;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn docx(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn body(xml: &str) -> Vec<u8> {
    docx(&[(
        "word/document.xml",
        format!("<w:document {W}><w:body>{xml}</w:body></w:document>"),
    )])
}

fn text(bytes: &[u8], view: Revisions) -> String {
    extract("t.docx", bytes, view).unwrap().text
}

#[test]
fn fields_show_their_result_and_hyperlinks_their_text() {
    let d = body(concat!(
        r#"<w:p><w:r><w:t>See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText> REF _Ref1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
        r#"<w:r><w:t>point 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        r#"<w:r><w:t xml:space="preserve"> and </w:t></w:r><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>the site</w:t></w:r></w:hyperlink>"#,
        r#"<w:fldSimple w:instr="PAGE"><w:r><w:t>.</w:t></w:r></w:fldSimple></w:p>"#
    ));
    assert_eq!(
        text(&d, Revisions::Accepted),
        "See point 3 and the site.\n\n"
    );
}

#[test]
fn a_deleted_paragraph_mark_joins_the_next_paragraph() {
    let d = body(concat!(
        r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>STRESSES that</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t xml:space="preserve"> all agree;</w:t></w:r></w:p>"#
    ));
    assert_eq!(
        text(&d, Revisions::Accepted),
        "STRESSES that all agree;\n\n"
    );
    assert_eq!(
        text(&d, Revisions::Rejected),
        "STRESSES that\n\nall agree;\n\n"
    );
}

#[test]
fn hidden_text_drawings_and_special_characters() {
    let d = body(concat!(
        r#"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>secret </w:t></w:r>"#,
        r#"<w:r><w:drawing><w:t>in a picture</w:t></w:drawing></w:r>"#,
        r#"<w:r><w:t>co</w:t><w:softHyphen/><w:t>operation&#160;now &amp; then</w:t><w:noBreakHyphen/></w:r></w:p>"#
    ));
    assert_eq!(
        text(&d, Revisions::Accepted),
        "co\u{AD}operation\u{A0}now & then\u{2011}\n\n"
    );
}

#[test]
fn a_nested_table_stays_in_its_cell_and_rows_are_lines() {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", cell("x"), cell("y"));
    let d = body(&format!(
        "<w:tbl><w:tr>{}<w:tc>{inner}</w:tc></w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("a"),
        cell("b"),
        cell("c")
    ));
    let e = extract("t.docx", &d, Revisions::Accepted).unwrap();
    assert_eq!(e.text, "a\tx\ty\n\nb\tc\n\n");
    assert!(e.origin.paragraphs.iter().all(|m| m.table_row));
    assert_eq!(e.origin.paragraphs[1].number, 4);
}

#[test]
fn style_numbering_legal_levels_and_headings() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:pStyle w:val="H1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2."/></w:lvl>
        </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>
        <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Sub"><w:basedOn w:val="Base"/></w:style>
        <w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let p = |style: &str, t: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
    };
    let document = format!(
        "<w:document {W}><w:body>{}{}{}{}{}</w:body></w:document>",
        p("H1", "Scope"),
        p("Sub", "first"),
        p("Sub", "second"),
        p("H1", "Action"),
        p("Sub", "third")
    );
    let d = docx(&[
        ("word/document.xml", document),
        ("word/numbering.xml", numbering),
        ("word/styles.xml", styles),
    ]);
    let e = extract("t.docx", &d, Revisions::Accepted).unwrap();
    assert_eq!(
        e.text,
        "I. Scope\n\n1.1. first\n\n1.2. second\n\nII. Action\n\n2.1. third\n\n"
    );
    let last = e.origin.paragraphs.last().unwrap();
    assert_eq!(last.heading.as_deref(), Some("II. Action"));
    assert_eq!(last.part, Part::Body);
}

#[test]
fn notes_follow_reference_order_and_deleted_references_drop_their_note() {
    let document = format!(
        concat!(
            "<w:document {}><w:body><w:p><w:r><w:t>RECALLING A</w:t></w:r>",
            r#"<w:r><w:footnoteReference w:id="7"/></w:r>"#,
            r#"<w:del w:id="9"><w:r><w:footnoteReference w:id="8"/></w:r></w:del>"#,
            r#"<w:r><w:t xml:space="preserve"> and B</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:t>,</w:t></w:r></w:p></w:body></w:document>"#
        ),
        W
    );
    let note = |kind: &str, id: &str, t: &str| {
        format!(
            r#"<w:{kind} w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {t}</w:t></w:r></w:p></w:{kind}>"#
        )
    };
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{}{}</w:footnotes>"#,
        note("footnote", "8", "Deleted."),
        note("footnote", "7", "Doc. 1/25.")
    );
    let endnotes = format!(
        "<w:endnotes {W}>{}</w:endnotes>",
        note("endnote", "2", "OJ L 1.")
    );
    let d = docx(&[
        ("word/document.xml", document),
        ("word/footnotes.xml", footnotes),
        ("word/endnotes.xml", endnotes),
    ]);
    assert_eq!(
        text(&d, Revisions::Accepted),
        "RECALLING A¹ and B²,\n\n¹ Doc. 1/25.\n² OJ L 1.\n"
    );
    assert_eq!(
        text(&d, Revisions::Rejected),
        "RECALLING A¹² and B³,\n\n¹ Doc. 1/25.\n² Deleted.\n³ OJ L 1.\n"
    );
}
