-- conclint in Neovim 0.7 and later, without plugins: `conclint lsp` for
-- text files, one server per folder that holds a conclint.toml (or per
-- file folder). Load it from init.lua with `dofile("/path/to/conclint.lua")`
-- or copy it there. Set CONCLINT to use another binary than `conclint`.
local cmd = { vim.env.CONCLINT or "conclint", "lsp" }
local clients = {}

-- The folder of the nearest conclint.toml, else the file's folder.
local function root(bufnr)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":p:h")
  local found = vim.fn.findfile("conclint.toml", dir .. ";")
  if found ~= "" then
    return vim.fn.fnamemodify(found, ":p:h")
  end
  return dir
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "text" },
  callback = function(args)
    local dir = root(args.buf)
    if not clients[dir] then
      clients[dir] = vim.lsp.start_client({ name = "conclint", cmd = cmd, root_dir = dir })
    end
    if clients[dir] then
      vim.lsp.buf_attach_client(args.buf, clients[dir])
    end
  end,
})
