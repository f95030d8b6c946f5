"""Writes the hostile Word files of tests/docx/hostile/ (run from tests/docx:
`python3 make-hostile.py`). Each starts from en-numbered.docx (made by pandoc)
and breaks one thing with Python's zipfile module."""
import zipfile, os

SRC = "en-numbered.docx"
os.makedirs("hostile", exist_ok=True)

def rewrite(out, replace):
    with zipfile.ZipFile(SRC) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            data = replace.get(item.filename, data)
            if data is not None:
                dst.writestr(item.filename, data)

# A zip bomb: document.xml decompresses to 200 MiB of spaces (~200 KB packed).
with zipfile.ZipFile("hostile/bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", b'<w:document xmlns:w="w"><w:body>' + b" " * (200 << 20))

# A truncated archive: the first 3000 bytes only (no central directory).
with open(SRC, "rb") as f:
    open("hostile/truncated.docx", "wb").write(f.read(3000))

# Malformed XML: a paragraph closed by the wrong tag.
rewrite("hostile/malformed.docx", {
    "word/document.xml": b'<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>RECALLING</w:r></w:t></w:p></w:body></w:document>'
})

# No body: a document element with nothing in it.
rewrite("hostile/no-body.docx", {
    "word/document.xml": b'<w:document xmlns:w="w"></w:document>'
})

# An external entity in a DTD (XXE): refused, never resolved.
rewrite("hostile/doctype.docx", {
    "word/document.xml": b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
})

# No document part at all.
rewrite("hostile/no-document.docx", {"word/document.xml": None})
