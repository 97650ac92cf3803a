-- Drives Neovim 0.7's built-in LSP client against the Claim Lens server and prints what it saw as
-- JSON lines ({"step": ..., ...}) for test/editors/neovim.test.ts to assert on.
--   CLAIM_LENS_NODE=node CLAIM_LENS_SERVER=server/out/server.js \
--     nvim --headless --clean -c 'luafile test/editors/neovim/check.lua' draft.md
-- 0.7 has no vim.lsp.start: start_client + buf_attach_client.

local TARGET = 'Two drones attacked the Kremlin overnight.'
local TIMEOUT_MS = 20000

local function emit(step, fields)
  fields.step = step
  io.stdout:write(vim.json.encode(fields) .. '\n')
end

local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
vim.bo[bufnr].filetype = 'markdown'

-- Raw LSP diagnostics of each publish, in order: a publish of an empty list and no publish at all
-- look alike in vim.diagnostic, and a code action request needs the raw ones.
local publishes = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri == uri then table.insert(publishes, result) end
  return default_publish(err, result, ctx, config)
end

local function target_line()
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:find('Two drones attacked the Kremlin', 1, true) then return index - 1, line end
  end
  error('the fixture has no line with the target sentence')
end

local function summarise(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    table.insert(out, { code = d.code, severity = d.severity, line = d.range.start.line, message = d.message, source = d.source })
  end
  return out
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'claim-lens',
    cmd = { os.getenv('CLAIM_LENS_NODE') or 'node', assert(os.getenv('CLAIM_LENS_SERVER'), 'CLAIM_LENS_SERVER is not set'), '--stdio' },
    root_dir = vim.fn.getcwd(),
  })
  assert(client_id, 'the language server did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(TIMEOUT_MS, function() return #publishes > 0 end, 20) then error('no diagnostics published') end
  local first = publishes[#publishes].diagnostics
  emit('diagnostics', { diagnostics = summarise(first) })

  local line = target_line()
  local position = { line = line, character = 4 }
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = position }, TIMEOUT_MS)
  local hover_text = ''
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then
      local lines = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
      hover_text = table.concat(lines, '\n')
    end
  end
  emit('hover', { text = hover_text })

  local on_line = {}
  for _, d in ipairs(first) do
    if d.range.start.line == line then table.insert(on_line, d) end
  end
  if #on_line == 0 then error('no diagnostic on the target line') end
  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = on_line[1].range,
    context = { diagnostics = on_line, only = { 'quickfix' } },
  }, TIMEOUT_MS)
  local titles, chosen = {}, nil
  for _, response in pairs(actions or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if not chosen and action.isPreferred and action.edit then chosen = action end
    end
  end
  emit('code_actions', { titles = titles, preferred = chosen and chosen.title or vim.NIL })
  if not chosen then error('no preferred code action with an edit') end

  local before = #publishes
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  local _, fixed = target_line()
  local settled = vim.wait(TIMEOUT_MS, function() return #publishes > before end, 20)
  emit('after_fix', { line = fixed, republished = settled, diagnostics = settled and summarise(publishes[#publishes].diagnostics) or vim.NIL })

  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if not ok then
  emit('error', { message = tostring(err) })
  vim.cmd('cquit 2')
end
vim.cmd('qall!')
