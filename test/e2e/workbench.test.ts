import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { createProfile, findTools, installExtension, launchChromium, startCodeServer, workspaceWith } from './codeServer';

// What a reporter sees: the packaged .vsix installed into code-server (the VS Code workbench),
// driven in headless Chromium. Every step leaves a screenshot in test-output/e2e, listed with
// its outcome in test-output/e2e/index.html.

const OUTPUT = join(ROOT, 'test-output', 'e2e');
const SENTENCE = 'Two drones attacked the Kremlin overnight.';
const FIXED = 'Two drones attacked the Kremlin overnight, the Kremlin said.';
const CLAIM = 'kremlin-drone-attack';
const HEADLINE = 'Drones over the Kremlin: what we know';
const HEADLINE_FIXED = 'Alleged drones over the Kremlin: what we know';
const SHIPPED_SOURCES = readdirSync(join(ROOT, 'server', 'sources'))
  .map((name) => readFileSync(join(ROOT, 'server', 'sources', name), 'utf8'))
  .join('\n');

interface Step {
  title: string;
  screenshot?: string;
  ok: boolean;
  note: string;
}
const steps: Step[] = [];

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function writeIndex(): void {
  const figures = steps
    .map(
      (step, i) => `<figure class="${step.ok ? 'ok' : 'failed'}">
  <figcaption>${i + 1}. ${escapeHtml(step.title)} — <b>${step.ok ? 'ok' : 'FAILED'}</b><pre>${escapeHtml(step.note)}</pre></figcaption>
  ${step.screenshot ? `<a href="${step.screenshot}"><img src="${step.screenshot}" alt="${escapeHtml(step.title)}"></a>` : ''}
</figure>`,
    )
    .join('\n');
  writeFileSync(
    join(OUTPUT, 'index.html'),
    `<!doctype html>
<meta charset="utf-8">
<title>Claim Lens in the VS Code workbench</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 2em; }
  figure { margin: 0 0 2em; padding: 1em; border-left: 6px solid #2a7; }
  figure.failed { border-color: #c33; }
  pre { white-space: pre-wrap; font-size: 12px; }
  img { max-width: 100%; border: 1px solid #ccc; }
</style>
<h1>Claim Lens in the VS Code workbench (code-server)</h1>
<p>Run ${new Date().toISOString()}: ${steps.filter((s) => s.ok).length} of ${steps.length} steps ok.</p>
${figures}
`,
  );
}

/** Runs one step; its screenshot is taken whether it passes or fails. */
async function step(page: Page, title: string, body: () => Promise<string>): Promise<void> {
  const screenshot = `${String(steps.length + 1).padStart(2, '0')}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`;
  let note = '';
  let failure: unknown;
  try {
    note = await body();
  } catch (error) {
    failure = error;
    note = error instanceof Error ? error.message : String(error);
  }
  await page.screenshot({ path: join(OUTPUT, screenshot) }).catch(() => undefined);
  steps.push({ title, screenshot, ok: !failure, note });
  writeIndex();
  if (failure) throw failure;
}

async function problemCounts(page: Page): Promise<{ warnings: number; label: string }> {
  const label = (await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
  return { warnings: Number(/Warnings?: (\d+)/.exec(label)?.[1] ?? 0), label };
}

/** Waits until probe holds, and with holdMs until it has held that long without a break. */
async function waitUntil(what: string, probe: () => Promise<boolean>, { timeoutMs = 30_000, holdMs = 0 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let heldSince: number | undefined;
  for (;;) {
    if (await probe()) {
      heldSince ??= Date.now();
      if (Date.now() - heldSince >= holdMs) return;
    } else {
      heldSince = undefined;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${holdMs ? ` to hold for ${holdMs / 1000} s` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The client holds back the problems of the sentence being edited (claimLens.hideWhileTyping, up
// to claimLens.revealDelay = 1.5 s): a cleared squiggle counts only once the cursor has left the
// sentence and it stayed cleared past that delay.
const SETTLED_MS = 3_000;

const tools = findTools();

after(() => {
  if (steps.length) console.log(`# screenshots: ${join(OUTPUT, 'index.html')}`);
});

test('the packaged extension in the VS Code workbench', { skip: typeof tools === 'string' ? tools : false, timeout: 240_000 }, async () => {
  if (typeof tools === 'string') return;
  rmSync(OUTPUT, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const profile = createProfile(tools, { 'workbench.secondarySideBar.defaultVisibility': 'hidden' });
  const packaged = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', profile.root], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(packaged.status, 0, `packaging failed:\n${packaged.stdout}\n${packaged.stderr}`);
  const vsix = join(profile.root, readdirSync(profile.root).find((name) => name.endsWith('.vsix'))!);
  installExtension(tools, profile, vsix);
  const installed = readdirSync(profile.extensions).filter((name) => name.startsWith('claim-lens.claim-lens-'));
  assert.equal(installed.length, 1, `extension folder not found in ${profile.extensions}`);

  const workspace = workspaceWith(join(__dirname, 'fixtures'), profile.root);
  const server = await startCodeServer(tools, profile, workspace);
  const browser = await launchChromium(tools);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await step(page, 'Workbench opens the fixture folder', async () => {
      await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).waitFor({ timeout: 60_000 });
      return `installed ${installed[0]} from ${vsix.split('/').pop()}; workspace ${workspace}`;
    });

    await step(page, 'Warning squiggle and status-bar counts', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).click();
      const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
      await squiggle.waitFor({ timeout: 60_000 });
      const line = await page.locator('.monaco-editor .view-line', { hasText: SENTENCE }).boundingBox();
      const box = await squiggle.boundingBox();
      assert.ok(line && box, 'sentence or squiggle not on screen');
      assert.ok(box.y >= line.y - 2 && box.y + box.height <= line.y + line.height + 2, `squiggle at y=${box.y} is not on the sentence's line (y=${line.y})`);
      assert.ok(box.width > 200, `squiggle is ${box.width}px wide: it should cover the whole sentence`);
      await waitUntil('the status bar to count one warning', async () => (await problemCounts(page)).warnings === 1);
      const ours = await page.locator('.statusbar-item', { hasText: 'unattributed' }).innerText({ timeout: 10_000 });
      assert.match(ours, /1 unattributed/);
      return `squiggle ${Math.round(box.width)}×${Math.round(box.height)} px on “${SENTENCE}”; problems: ${(await problemCounts(page)).label}; Claim Lens item: ${ours.trim()}`;
    });

    await step(page, 'Problems panel names the claim; its sources are on the hover card', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: CLAIM });
      await row.first().waitFor({ timeout: 15_000 });
      const text = await row.first().innerText();
      assert.match(text, /Unattributed Kremlin claim: two drones attacked the Kremlin/);
      // One row per problem: no source rows under it (no file names, no repeated excerpts).
      const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      assert.deepEqual(rows.filter((r) => /Rewritten|\.txt/.test(r)), [], 'source rows in the Problems panel');
      // The panel stays open for the screenshot; the next step closes it.
      return `${rows.length} row(s): ${text}`;
    });
    await page.keyboard.press('Control+J');

    const squiggle = await page.locator('.monaco-editor .squiggly-warning').first().boundingBox();
    assert.ok(squiggle, 'squiggle vanished');

    await step(page, 'Hover card names the claimant and quotes a source', async () => {
      await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
      const card = page.locator('.monaco-hover .hover-row', { hasText: 'Claimed by' }).first();
      await card.waitFor({ timeout: 20_000 });
      const text = await card.innerText();
      // Above the fold: the claimant and how to attribute it are in view without scrolling (no
      // scrolling container around them cuts them off).
      for (const label of ['Claimed by', 'Attribute it']) {
        const inView = await page
          .locator('.monaco-hover')
          .getByText(label, { exact: false })
          .first()
          .evaluate((element) => {
            const view = element.ownerDocument.defaultView!;
            const box = element.getBoundingClientRect();
            for (let parent = element.parentElement; parent; parent = parent.parentElement) {
              if (/hidden|auto|scroll/.test(view.getComputedStyle(parent).overflowY) && box.bottom > parent.getBoundingClientRect().bottom + 1) return false;
            }
            return box.bottom <= view.innerHeight;
          });
        assert.ok(inView, `“${label}” is below the fold of the hover`);
      }
      assert.match(text, new RegExp(`Claim Lens · ${CLAIM}`));
      assert.match(text, /Claimed by: the Kremlin/);
      assert.match(await page.locator('.monaco-hover').first().innerText(), /Rewritten [A-Z][^\n]*report/, 'the card names its sources by outlet');
      // An excerpt cut to fit the card ends in “…”: what comes before it is still verbatim.
      const excerpts = [...text.matchAll(/“([^”]{20,})”/g)].map((match) => match[1].replace(/…$/, ''));
      const verbatim = excerpts.filter((excerpt) => SHIPPED_SOURCES.includes(excerpt));
      assert.ok(verbatim.length > 0, `no excerpt on the card appears verbatim in server/sources: ${JSON.stringify(excerpts)}`);
      return `claimant: ${/Claimed by: [^\n]*/.exec(text)![0]}\n${verbatim.length} verbatim excerpts, e.g. “${verbatim[0]}”`;
    });

    await step(page, 'Quick-fix menu offers the attribution', async () => {
      await page.keyboard.press('Escape');
      await page.mouse.click(squiggle.x + 30, squiggle.y + squiggle.height / 2);
      await page.keyboard.press('Control+.');
      const rows = page.locator('.action-widget .monaco-list-row');
      await rows.first().waitFor({ timeout: 20_000 });
      const titles = await rows.allInnerTexts();
      assert.ok(titles.some((title) => title.includes('the Kremlin said')), `no attribution fix in ${JSON.stringify(titles)}`);
      return titles.join('\n');
    });

    await step(page, 'Applied fix rewrites the sentence and clears the squiggle', async () => {
      await page.locator('.action-widget .monaco-list-row', { hasText: 'the Kremlin said' }).first().click();
      await page.locator('.monaco-editor .view-line', { hasText: FIXED }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+Home');
      await waitUntil('the squiggle to go', async () => (await page.locator('.monaco-editor .squiggly-warning').count()) === 0, { holdMs: SETTLED_MS });
      await waitUntil('the status bar to count no warnings', async () => (await problemCounts(page)).warnings === 0, { holdMs: SETTLED_MS });
      const ours = await page.locator('.statusbar-item', { hasText: 'Claims attributed' }).innerText({ timeout: 10_000 });
      return `line now reads “${FIXED}”; problems: ${(await problemCounts(page)).label}; Claim Lens item: ${ours.trim()}`;
    });

    await step(page, 'A headline keeps headline case: the preferred fix marks the claim as alleged', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'headline.md' }).click();
      const line = page.locator('.monaco-editor .view-line', { hasText: HEADLINE });
      await line.waitFor({ timeout: 30_000 });
      await waitUntil('the headline to be flagged', async () => (await problemCounts(page)).warnings === 1);
      const box = (await line.boundingBox())!;
      await page.mouse.click(box.x + 60, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      const rows = page.locator('.action-widget .monaco-list-row');
      await rows.first().waitFor({ timeout: 20_000 });
      const titles = await rows.allInnerTexts();
      assert.ok(!titles.some((title) => /the Kremlin said\.|alleged Drones/.test(title)), `a body-text fix offered for a headline: ${JSON.stringify(titles)}`);
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Alleged' }).first().click();
      await page.locator('.monaco-editor .view-line', { hasText: HEADLINE_FIXED }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+End');
      await waitUntil('the headline warning to go', async () => (await problemCounts(page)).warnings === 0, { holdMs: SETTLED_MS });
      return `quick fixes:\n${titles.join('\n')}\nthe headline now reads “# ${HEADLINE_FIXED}”`;
    });
  } catch (error) {
    console.log(`# code-server log (tail):\n${server.log().slice(-3000).replace(/^/gm, '# ')}`);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
    profile.dispose();
  }
});
