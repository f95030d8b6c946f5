-- conclint language server for Neovim 0.7 and later, without plugins.
--
-- Load it from your init.lua:   dofile('/path/to/conclint/editors/neovim/conclint.lua')
-- (or `nvim -u editors/neovim/conclint.lua file.txt` to try it).
-- On Neovim 0.11 and later, editors/neovim/0.11.lua is the shorter way.
--
-- Every buffer of filetype `text` (*.txt) is attached to one `conclint lsp`
-- per root (the directory of the nearest conclint.toml, else the working
-- directory). Diagnostics, hover (K), code actions and document symbols
-- then work as with any server. `:ConclintFixAll` applies every fix.
--
-- Settings (set before loading): vim.g.conclint_cmd, the command as a list
-- (default { 'conclint', 'lsp' }); vim.g.conclint_filetypes (default { 'text' }).

local cmd = vim.g.conclint_cmd or { 'conclint', 'lsp' }
local filetypes = vim.g.conclint_filetypes or { 'text' }
local clients = {} -- root directory -> client id

-- The directory of the nearest conclint.toml above the file (vim.fs is 0.8+).
local function root_of(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= '' and vim.fn.fnamemodify(file, ':p:h') or vim.fn.getcwd()
  local found = vim.fn.findfile('conclint.toml', dir .. ';')
  if found ~= '' then
    return vim.fn.fnamemodify(found, ':p:h')
  end
  return vim.fn.getcwd()
end

local function attach(bufnr)
  local root = root_of(bufnr)
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = 'conclint',
      cmd = cmd,
      root_dir = root,
      on_exit = function()
        clients[root] = nil
      end,
    })
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

vim.api.nvim_create_augroup('conclint', { clear = true })
vim.api.nvim_create_autocmd('FileType', {
  group = 'conclint',
  pattern = filetypes,
  callback = function(args)
    attach(args.buf)
  end,
})

-- Applies the server's `source.fixAll.conclint` action to the current
-- buffer (waits up to two seconds for the answer).
local function fix_all()
  local bufnr = vim.api.nvim_get_current_buf()
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll.conclint' } },
  }
  local answers = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 2000) or {}
  for _, answer in pairs(answers) do
    for _, action in ipairs(answer.result or {}) do
      if action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      end
    end
  end
end

vim.api.nvim_create_user_command('ConclintFixAll', fix_all, { desc = 'conclint: apply every fix' })
