-- conclint language server for Neovim 0.11 and later (vim.lsp.config).
--
-- Put this in your init.lua (or load it: dofile('/path/to/editors/neovim/0.11.lua')).
-- Buffers of filetype `text` (*.txt) get diagnostics, hover, code actions
-- and symbols. Fix everything with:
--   :lua vim.lsp.buf.code_action({ context = { only = { 'source.fixAll.conclint' }, diagnostics = {} }, apply = true })

vim.lsp.config('conclint', {
  cmd = vim.g.conclint_cmd or { 'conclint', 'lsp' },
  filetypes = vim.g.conclint_filetypes or { 'text' },
  root_markers = { 'conclint.toml', '.git' },
})
vim.lsp.enable('conclint')
