-- conclint in Neovim 0.11 and later: the built-in `vim.lsp.config` way.
-- Copy to ~/.config/nvim/lsp/conclint.lua without the last line, and call
-- `vim.lsp.enable("conclint")` from init.lua; or dofile() this file.
vim.lsp.config("conclint", {
  cmd = { vim.env.CONCLINT or "conclint", "lsp" },
  filetypes = { "text" },
  root_markers = { "conclint.toml", ".git" },
})
vim.lsp.enable("conclint")
