//! The editor recipes in `editors/`, run in the real editor where it is
//! installed (skipped with a note where it is not, so CI without it stays
//! green): Neovim headless opens a text with a defect through
//! `editors/neovim/conclint.lua` (0.7 and later) and must receive
//! conclint's diagnostics from `conclint lsp`.

use std::path::Path;
use std::process::Command;

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn neovim_gets_diagnostics_through_the_recipe() {
    if !installed("nvim") {
        eprintln!("note: nvim is not installed; the Neovim recipe is not checked");
        return;
    }
    let dir = std::env::temp_dir().join(format!("conclint-nvim-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("doc.txt");
    std::fs::write(
        &doc,
        "EIROPAS SAVIENĪBAS PADOME,\n\nATGĀDINOT x;\n\nAicina Komisiju ziņot;\n\nUZSVĒR, ka y;\n\nUZSVER z.\n",
    )
    .unwrap();
    let out = dir.join("diagnostics.txt");
    let recipe = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/neovim/conclint.lua");
    let write = format!(
        "lua local f = io.open('{}', 'w'); for _, d in ipairs(vim.diagnostic.get(0)) do \
         f:write((d.lnum + 1) .. ' ' .. d.message .. '\\n') end; f:close()",
        out.display()
    );
    let status = Command::new("nvim")
        .env("CONCLINT", env!("CARGO_BIN_EXE_conclint"))
        .current_dir(&dir)
        .args(["--headless", "-n", "-i", "NONE", "-u"])
        .arg(&recipe)
        .arg(&doc)
        .args([
            "-c",
            "lua vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)",
            "-c",
            &write,
            "-c",
            "qa!",
        ])
        .status()
        .expect("nvim runs");
    assert!(status.success());
    let got = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        got.lines()
            .any(|l| l.starts_with("5 ") && l.contains("capitals")),
        "verb-case on line 5 expected, Neovim got:\n{got}"
    );
    assert!(got.lines().any(|l| l.starts_with("7 ")), "{got}");
}
