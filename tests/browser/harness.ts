/**
 * Drives the built app (dist/) in the Debian Chromium: `vite preview` on 127.0.0.1 (WebGPU through
 * SwiftShader needs a secure context, see /work/shared/BROWSER-TESTING.md), one persistent browser
 * context with a fresh profile per harness, and small helpers that speak only through the UI's
 * stable hooks (data-testid attributes and `window.__tensordojo`).
 *
 * Framework-free on purpose: the browser tests and `scripts/bench.mjs` (through Vite's
 * `runnerImport`) share it. Failures are thrown as Errors with the page's errors attached.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** The repository root (this file lives in tests/browser/). */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags measured to work headless as root on these machines; `--enable-unsafe-webgpu` turns on SwiftShader WebGPU. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
  '--disable-dev-shm-usage',
];

export type Backend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type FinalStatus = 'accepted' | 'wrong-answer' | 'runtime-error' | 'time-limit' | 'compile-error' | 'internal-error' | 'stopped';
export const FINAL_STATUSES: readonly FinalStatus[] = [
  'accepted',
  'wrong-answer',
  'runtime-error',
  'time-limit',
  'compile-error',
  'internal-error',
  'stopped',
];

/** How long a Run/Submit may take before the harness gives up: the app's 10 s budget plus a worker restart. */
export const VERDICT_TIMEOUT_MS = 60_000;
/** Page load through an interactive Monaco editor, on a slow 2-core machine. */
export const EDITOR_TIMEOUT_MS = 60_000;
/** Worker start on a backend: wasm download, WebGPU adapter and device. */
export const BACKEND_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Problems on disk

/** Every problem id (`<track>/<id>`) with a problem.ts, read from the folders like the app's registry does. */
export function listProblemIds(root = ROOT): string[] {
  const problemsDir = join(root, 'problems');
  const ids: string[] = [];
  for (const track of readdirSync(problemsDir, { withFileTypes: true })) {
    if (!track.isDirectory()) continue;
    for (const problem of readdirSync(join(problemsDir, track.name), { withFileTypes: true })) {
      if (problem.isDirectory() && existsSync(join(problemsDir, track.name, problem.name, 'problem.ts'))) {
        ids.push(`${track.name}/${problem.name}`);
      }
    }
  }
  return ids.sort();
}

/** A file of a problem folder, e.g. `reference.ts` or `mistakes/softmax-over-query-axis.ts`. */
export function readProblemFile(id: string, file: string, root = ROOT): string {
  return readFileSync(join(root, 'problems', id, file), 'utf8');
}

/** base64url of the UTF-8 bytes, no padding: the `?code=` format of shared links. */
export function encodeSharedCode(source: string): string {
  return Buffer.from(source, 'utf8').toString('base64url');
}

// ---------------------------------------------------------------------------------------------
// Server and browser

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Serve dist/ with the app's own preview config (and so its CSP headers). */
export async function startPreview(root = ROOT): Promise<{ server: PreviewServer; baseUrl: string }> {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error(`${join(root, 'dist')} has no build: run \`npx vite build\` first (npm run test:browser does).`);
  }
  // Two attempts: another process may take the port between freePort() and listen().
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    try {
      const server = await preview({
        root,
        logLevel: 'warn',
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
      return { server, baseUrl: `http://127.0.0.1:${port}` };
    } catch (error) {
      if (attempt >= 1) throw error;
    }
  }
}

export interface HarnessOptions {
  root?: string;
}

/** One preview server and one Chromium with a fresh profile; pages are opened with `newPage()`. */
export class Harness {
  private constructor(
    readonly baseUrl: string,
    readonly context: BrowserContext,
    private readonly server: PreviewServer,
    private readonly profileDir: string,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    }
    const { server, baseUrl } = await startPreview(options.root);
    const profileDir = mkdtempSync(join(tmpdir(), 'tensordojo-profile-'));
    try {
      // headless: false because '--headless=new' is passed explicitly (Playwright would add a second --headless).
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM_PATH,
        headless: false,
        args: CHROMIUM_ARGS,
        viewport: { width: 1400, height: 900 },
      });
      return new Harness(baseUrl, context, server, profileDir);
    } catch (error) {
      await server.close();
      rmSync(profileDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** A new tab. `backend` is stored as the backend choice before the app first loads in it, so
   * the first worker already starts there; `openProblem` still checks it through the select. */
  async newPage(backend?: Backend): Promise<AppPage> {
    const page = await this.context.newPage();
    if (backend) {
      await page.addInitScript((choice) => {
        // Once per tab (sessionStorage survives reloads): later reloads must see what the app saved.
        try {
          if (!sessionStorage.getItem('tensordojo-test-init')) {
            sessionStorage.setItem('tensordojo-test-init', '1');
            localStorage.setItem('tensordojo.backend', choice);
          }
        } catch {
          // about:blank and other opaque origins have no storage; the app's own origin does.
        }
      }, backend);
    }
    return new AppPage(page, this.baseUrl);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.server.close().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// One tab of the app

export interface CaseView {
  name: string;
  passed: boolean;
  text: string;
}

export interface VerdictView {
  status: FinalStatus;
  /** Milliseconds from the trigger (click/keypress, measured in the page) to the final status. */
  ms: number;
  cases: CaseView[];
  /** Full text of the results panel: error details, diagnostics. */
  text: string;
}

declare global {
  interface Window {
    __tensordojo?: { setCode(source: string): void; getCode(): string };
    __tdWait?: Promise<{ status: string; ms: number }>;
    __tdEditorInteractiveAt?: number;
  }
}

export class AppPage {
  /** Uncaught exceptions in the page: any of these fails a test (see `assertHealthy`). */
  readonly pageErrors: string[] = [];
  /** console.error messages, reported with failures. */
  readonly consoleErrors: string[] = [];

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('crash', () => this.pageErrors.push('the page crashed'));
  }

  /** The errors a test should know about, in one string. */
  describeErrors(): string {
    const parts = [];
    if (this.pageErrors.length) parts.push(`page errors:\n  ${this.pageErrors.join('\n  ')}`);
    if (this.consoleErrors.length) parts.push(`console errors:\n  ${this.consoleErrors.join('\n  ')}`);
    return parts.join('\n') || 'no page or console errors';
  }

  /** Throw when the page had an uncaught error or a Content-Security-Policy violation. */
  assertHealthy(): void {
    const csp = this.consoleErrors.filter((text) => /Content Security Policy|Refused to (load|execute|connect|create)/i.test(text));
    if (this.pageErrors.length || csp.length) {
      throw new Error(`The page reported errors.\n${this.describeErrors()}`);
    }
  }

  /** Open a route (the part after `#`) and return the document's response (null for a same-document hash change). */
  goto(hashRoute: string): Promise<Response | null> {
    return this.page.goto(`${this.baseUrl}/#${hashRoute}`, { waitUntil: 'domcontentloaded' });
  }

  /** Open a problem, wait for an interactive editor and, when asked, for the runner to be up on `backend`. */
  async openProblem(id: string, backend?: Backend): Promise<Response | null> {
    const response = await this.goto(`/problems/${id}`);
    await this.waitForEditor();
    if (backend) await this.useBackend(backend);
    return response;
  }

  /** Wait for Monaco to be up with the test hook installed; fails fast when the page shows an error banner instead. */
  async waitForEditor(): Promise<void> {
    const handle = await this.page.waitForFunction(
      () => {
        if (document.querySelector('[data-testid="editor"] textarea') && typeof window.__tensordojo?.setCode === 'function') return 'editor';
        const banner = document.querySelector('[data-testid="error-banner"]') as HTMLElement | null;
        // A problem page shows banners above a working editor; only a page without an editor slot is a dead end.
        if (banner && !document.querySelector('[data-testid="editor"]')) return `banner: ${banner.innerText}`;
        return false;
      },
      undefined,
      { timeout: EDITOR_TIMEOUT_MS },
    );
    const result = (await handle.jsonValue()) as string;
    if (result !== 'editor') {
      throw new Error(`No editor at ${this.page.url()}: the app shows an error instead (${result}).\n${this.describeErrors()}`);
    }
  }

  /** Pick `backend` in the backend menu (unless it already is) and wait until the indicator says it runs. */
  async useBackend(backend: Backend): Promise<void> {
    const select = this.page.getByTestId('backend-select');
    if ((await select.inputValue()) !== backend) {
      await this.page.waitForFunction(() => !(document.querySelector('[data-testid="backend-select"]') as HTMLSelectElement | null)?.disabled);
      await select.selectOption(backend);
    }
    await this.waitForBackend(backend);
  }

  /** The indicator shows `backend` and is no longer starting. */
  async waitForBackend(backend: Backend): Promise<void> {
    try {
      await this.page.waitForFunction(
        (name) => {
          const el = document.querySelector('[data-testid="backend"]');
          if (!el) return false;
          const text = el.textContent ?? '';
          const attr = el.getAttribute('data-backend');
          return (attr === null || attr === name) && text.includes(name) && !/starting|failed/i.test(text);
        },
        backend,
        { timeout: BACKEND_TIMEOUT_MS },
      );
    } catch (error) {
      throw new Error(`The ${backend} backend did not come up: indicator says "${await this.backendText()}".\n${this.describeErrors()}`, {
        cause: error,
      });
    }
  }

  backendText(): Promise<string> {
    return this.page.getByTestId('backend').innerText().catch(() => '(no indicator)');
  }

  async setCode(source: string): Promise<void> {
    await this.page.evaluate((src) => window.__tensordojo!.setCode(src), source);
    const now = await this.getCode();
    if (now !== source) throw new Error('setCode did not take: the editor holds different text');
  }

  getCode(): Promise<string> {
    return this.page.evaluate(() => window.__tensordojo!.getCode());
  }

  verdictStatus(): Promise<string | null> {
    return this.page.getByTestId('verdict').getAttribute('data-status');
  }

  /** Click Run and wait for its final verdict. */
  run(timeoutMs = VERDICT_TIMEOUT_MS): Promise<VerdictView> {
    return this.judge(() => this.clickInPage('run'), timeoutMs);
  }

  /** Click Submit and wait for its final verdict. */
  submit(timeoutMs = VERDICT_TIMEOUT_MS): Promise<VerdictView> {
    return this.judge(() => this.clickInPage('submit'), timeoutMs);
  }

  /** Press a key chord in the page (e.g. 'Control+Enter') and wait for the final verdict it starts. */
  press(chord: string, timeoutMs = VERDICT_TIMEOUT_MS): Promise<VerdictView> {
    return this.judge(() => this.page.keyboard.press(chord), timeoutMs);
  }

  /**
   * Arm a watcher in the page, fire `trigger`, and wait until the verdict goes through `running`
   * to a final status. The watcher runs in the page, so `ms` is trigger-to-verdict without the
   * CDP round trips. Throws with the page's errors when no verdict comes in time.
   */
  async judge(trigger: () => Promise<unknown>, timeoutMs = VERDICT_TIMEOUT_MS): Promise<VerdictView> {
    await this.page.waitForFunction(
      () => {
        const button = document.querySelector('[data-testid="submit"]') as HTMLButtonElement | null;
        return button !== null && !button.disabled;
      },
      undefined,
      { timeout: timeoutMs },
    );
    await this.page.evaluate((finals) => {
      window.__tdWait = new Promise((resolveWait) => {
        const started = performance.now();
        let sawRunning = false;
        const check = () => {
          const status = document.querySelector('[data-testid="verdict"]')?.getAttribute('data-status');
          if (status === 'running') sawRunning = true;
          else if (sawRunning && status && finals.includes(status)) {
            observer.disconnect();
            resolveWait({ status, ms: performance.now() - started });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
      });
    }, FINAL_STATUSES as string[]);
    await trigger();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      this.page.evaluate(() => window.__tdWait!),
      new Promise<null>((resolveTimeout) => (timer = setTimeout(() => resolveTimeout(null), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
    if (!outcome) {
      throw new Error(
        `No final verdict within ${timeoutMs} ms (status: ${await this.verdictStatus()}).\n${this.describeErrors()}`,
      );
    }
    return { status: outcome.status as FinalStatus, ms: outcome.ms, cases: await this.cases(), text: await this.resultsText() };
  }

  /** Click a button from inside the page: the timing starts at the click, not at a CDP round trip. */
  private async clickInPage(testId: 'run' | 'submit'): Promise<void> {
    await this.page.evaluate((id) => {
      const button = document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement | null;
      if (!button) throw new Error(`no [data-testid="${id}"] button`);
      button.click();
    }, testId);
  }

  async cases(): Promise<CaseView[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="case-result"]')].map((el) => ({
        name: el.querySelector('.case-name')?.textContent ?? '',
        passed: el.getAttribute('data-passed') === 'true',
        text: (el as HTMLElement).innerText,
      })),
    );
  }

  /** The text around the verdict: everything in the results section. */
  resultsText(): Promise<string> {
    return this.page.evaluate(() => {
      const verdict = document.querySelector('[data-testid="verdict"]');
      const section = verdict?.closest('section') ?? verdict?.parentElement?.parentElement;
      return (section as HTMLElement | null | undefined)?.innerText ?? '';
    });
  }

  /** Milliseconds from navigation start to Monaco's textarea taking focus, measured in the page. */
  async editorInteractiveMs(): Promise<number> {
    const handle = await this.page.waitForFunction(
      () => {
        const textarea = document.querySelector('[data-testid="editor"] textarea') as HTMLTextAreaElement | null;
        if (!textarea) return false;
        textarea.focus();
        return document.activeElement === textarea ? performance.now() : false;
      },
      undefined,
      { timeout: EDITOR_TIMEOUT_MS, polling: 'raf' },
    );
    return (await handle.jsonValue()) as number;
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
