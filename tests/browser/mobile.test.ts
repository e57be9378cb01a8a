/**
 * The app on a 400 px wide phone screen: no route scrolls sideways (neither the document nor the
 * page's own scroll boxes: list, tracks, progress, rounds, a round's start page, a running round,
 * notebooks, a notebook, problem pages), the top nav collapses into a Menu button that opens,
 * closes and navigates, the list filters are on screen, display formulas, code blocks and wide
 * tables scroll inside their own box while long inline formulas wrap, and the problem page's
 * toolbar wraps instead of drawing buttons over the Backend menu. At desktop size the nav is the
 * plain row of links again.
 *
 * MOBILE_SCREENSHOTS=<folder> saves PNGs of each route (full page, and the toolbar and notebook
 * cells in view) for a person to look at.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Harness, type AppPage } from './harness';

const WIDTH = 400;
const HEIGHT = 800;
const PROBLEM = 'attention/scaled-dot-product';
const NOTEBOOK = 'char-bigram-lm';
const ROUND = 'attention-progressive';
const TIMEOUT_MS = 90_000;

/** Boxes that must never scroll sideways: the document and each page's own scroll containers. */
const PAGE_SCROLLERS = [
  'main',
  '.problem-page',
  '.statement-pane',
  '.work-pane',
  '.results-slot',
  '.rounds-page',
  '.round-page',
  '.round-header',
  '.notebook-page',
  '.topbar',
];

let harness: Harness;
let app: AppPage;

beforeAll(async () => {
  harness = await Harness.start();
  app = await harness.newPage('wasm');
  await app.page.setViewportSize({ width: WIDTH, height: HEIGHT });
});

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await harness?.close();
});

/** A full-page PNG, or with `scrollTo` the viewport after scrolling that element to the top. */
async function shoot(name: string, scrollTo?: string): Promise<void> {
  const dir = process.env.MOBILE_SCREENSHOTS;
  if (!dir) return;
  if (scrollTo) await app.page.locator(scrollTo).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.page.screenshot({ path: `${dir}/${name}.png`, fullPage: !scrollTo });
}

interface Overflow {
  documentWidth: number;
  /** The document's visible width: the viewport less a vertical scrollbar, if one is drawn. */
  clientWidth: number;
  viewportWidth: number;
  /** Page scroll boxes whose content is wider than the box: `selector scrollWidth>clientWidth`. */
  wideScrollers: string[];
  /** Formula and code boxes that reach past the viewport's right edge, or overflow without scrolling. */
  badBlocks: string[];
}

/** Measure sideways overflow in the page as it is now. */
function measureOverflow(): Promise<Overflow> {
  return app.page.evaluate((scrollers) => {
    const viewportWidth = window.innerWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
    const wideScrollers: string[] = [];
    for (const selector of scrollers) {
      for (const el of document.querySelectorAll(selector)) {
        if (el.scrollWidth > el.clientWidth + 1) wideScrollers.push(`${describe(el)} ${el.scrollWidth}>${el.clientWidth}`);
      }
    }
    const badBlocks: string[] = [];
    for (const el of document.querySelectorAll('.katex-display, .math-display, pre, .markdown table')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (rect.right > viewportWidth + 1) badBlocks.push(`${describe(el)} reaches x=${Math.round(rect.right)}`);
      // Content wider than its box must scroll in that box (or in a scrolling wrapper of its own).
      if (el.scrollWidth > el.clientWidth + 1) {
        const scrolls = (node: Element | null) => node !== null && /auto|scroll/.test(getComputedStyle(node).overflowX);
        if (!scrolls(el) && !scrolls(el.parentElement)) badBlocks.push(`${describe(el)} overflows (${el.scrollWidth}>${el.clientWidth}) without scrolling`);
      }
    }
    const { scrollWidth: documentWidth, clientWidth } = document.documentElement;
    return { documentWidth, clientWidth, viewportWidth, wideScrollers, badBlocks };
  }, PAGE_SCROLLERS);
}

async function expectNoSidewaysScroll(): Promise<void> {
  const overflow = await measureOverflow();
  expect(overflow.viewportWidth).toBe(WIDTH);
  expect.soft(overflow.documentWidth, 'document.documentElement.scrollWidth').toBeLessThanOrEqual(overflow.viewportWidth);
  expect.soft(overflow.documentWidth, 'document scrollWidth against its clientWidth').toBeLessThanOrEqual(overflow.clientWidth);
  expect.soft(overflow.wideScrollers, 'page scroll boxes wider than their content area').toEqual([]);
  expect.soft(overflow.badBlocks, 'formula and code blocks').toEqual([]);
}

interface Box {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Bounding boxes of the visible elements matching `selector`, named by test id, label or text. */
function boxes(selector: string): Promise<Box[]> {
  return app.page.$$eval(selector, (els) =>
    els
      .map((el) => {
        const rect = el.getBoundingClientRect();
        const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim();
        return { name, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom, width: rect.width };
      })
      .filter((box) => box.width > 0)
      .map(({ width: _width, ...box }) => box),
  );
}

function expectInViewport(list: Box[]): void {
  for (const box of list) {
    expect.soft(box.left, `${box.name} left edge`).toBeGreaterThanOrEqual(0);
    expect.soft(box.right, `${box.name} right edge`).toBeLessThanOrEqual(WIDTH);
  }
}

function overlaps(a: Box, b: Box): boolean {
  // Half a pixel of slack for subpixel layout of touching boxes.
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

it('the problem list: no sideways scroll, filters on screen', async () => {
  await app.goto('/');
  await app.page.getByTestId('search').waitFor();
  await app.page.locator('.problem-row').first().waitFor();
  await shoot('list');
  await expectNoSidewaysScroll();
  const filters = await boxes('[data-testid="search"], [data-testid="track-filter"], [data-testid="status-filter"], [data-testid="difficulty-filter"]');
  expect(filters).toHaveLength(4);
  expectInViewport(filters);
  for (const box of filters) expect(box.bottom, `${box.name} is below the fold`).toBeLessThanOrEqual(HEIGHT);
  app.assertHealthy();
});

it('the top nav collapses into a menu button that opens, navigates and closes', async () => {
  await app.goto('/');
  const button = app.page.getByTestId('nav-menu');
  await button.waitFor();
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await app.page.getByTestId('nav-rounds').isVisible()).toBe(false);

  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  await app.page.getByTestId('nav-rounds').waitFor();
  await shoot('menu-open');
  const links = await boxes('.topbar nav a');
  expect(links.map((link) => link.name)).toEqual(['Problems', 'Tracks', 'Progress', 'nav-rounds', 'nav-notebooks']);
  expectInViewport(links);
  for (let i = 1; i < links.length; i++) expect(overlaps(links[i - 1], links[i]), `${links[i - 1].name} / ${links[i].name}`).toBe(false);
  await expectNoSidewaysScroll();

  // Escape closes it and gives focus back to the button.
  await app.page.keyboard.press('Escape');
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

  // Tabbing past its last link closes it.
  await button.click();
  await app.page.getByTestId('nav-notebooks').focus();
  await app.page.keyboard.press('Tab');
  expect(await button.getAttribute('aria-expanded')).toBe('false');

  // Following a link closes it.
  await button.click();
  await app.page.getByTestId('nav-notebooks').click();
  await app.page.waitForURL(/#\/notebooks$/);
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await app.page.getByTestId('nav-notebooks').isVisible()).toBe(false);
  app.assertHealthy();
});

it('at desktop size the nav is a row of links and the menu button is hidden', async () => {
  await app.page.setViewportSize({ width: 1400, height: 900 });
  try {
    await app.goto('/');
    await app.page.getByTestId('nav-rounds').waitFor();
    expect(await app.page.getByTestId('nav-menu').isVisible()).toBe(false);
    const links = await boxes('.topbar nav a');
    expect(links).toHaveLength(5);
    // One row.
    for (const link of links) expect(Math.abs(link.top - links[0].top)).toBeLessThan(1);
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
    await shoot('desktop-list');
    await app.openProblem(PROBLEM);
    await app.page.locator('.statement-pane .katex-display').first().waitFor({ timeout: TIMEOUT_MS });
    await app.waitForBackend('wasm');
    await shoot('desktop-problem');
  } finally {
    await app.page.setViewportSize({ width: WIDTH, height: HEIGHT });
  }
});

const SIMPLE_ROUTES: { name: string; route: string; ready: string }[] = [
  { name: 'tracks', route: '/tracks', ready: '[data-testid="tracks-page"][data-loaded="true"]' },
  { name: 'progress', route: '/progress', ready: '[data-testid="progress-page"][data-loaded="true"]' },
  { name: 'rounds', route: '/rounds', ready: '[data-testid="round-card"]' },
  { name: 'notebooks', route: '/notebooks', ready: '[data-testid="notebook-link"]' },
  { name: 'round-start', route: `/rounds/${ROUND}`, ready: '[data-testid="start-round"]' },
];

it.each(SIMPLE_ROUTES)('#$route: no sideways scroll', async ({ name, route, ready }) => {
  await app.goto(route);
  await app.page.waitForSelector(ready, { timeout: TIMEOUT_MS });
  await shoot(name);
  await expectNoSidewaysScroll();
  app.assertHealthy();
});

it('a notebook page: no sideways scroll', async () => {
  await app.goto(`/notebooks/${NOTEBOOK}`);
  await app.page.waitForFunction(
    () => {
      const code = document.querySelectorAll('[data-testid="notebook-cell"][data-kind="code"]');
      return code.length > 0 && [...code].every((cell) => cell.querySelector('.editor[data-ready="true"]'));
    },
    undefined,
    { timeout: TIMEOUT_MS },
  );
  await shoot('notebook');
  await shoot('notebook-top', '.notebook-page');
  await shoot('notebook-cell', '[data-testid="notebook-cell"][data-kind="code"]');
  await expectNoSidewaysScroll();
  const toolbar = await boxes('.notebook-toolbar button');
  expect(toolbar.length).toBeGreaterThan(0);
  expectInViewport(toolbar);
  app.assertHealthy();
});

/** The problem page's toolbar controls: each on screen, no two overlapping. */
async function expectToolbarFits(minimum: number): Promise<void> {
  const controls = await boxes('[data-testid="toolbar"] :is(button, select), [data-testid="toolbar"] [data-testid="backend"]');
  // Share, Reset, Run, Submit (Run and Submit in a round), the Backend menu and its indicator.
  expect(controls.length).toBeGreaterThanOrEqual(minimum);
  expectInViewport(controls);
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      expect.soft(overlaps(controls[i], controls[j]), `"${controls[i].name}" overlaps "${controls[j].name}"`).toBe(false);
    }
  }
}

it('the problem page: no sideways scroll, formulas scroll in their box, toolbar buttons never overlap', async () => {
  await app.openProblem(PROBLEM);
  await app.page.locator('.statement-pane .katex-display').first().waitFor({ timeout: TIMEOUT_MS });
  await app.waitForBackend('wasm');
  await shoot('problem');
  await shoot('problem-toolbar', '[data-testid="toolbar"]');
  await expectNoSidewaysScroll();
  await expectToolbarFits(6);
  app.assertHealthy();
});

/** Statements with what overflowed before: a wide table and a long inline formula. */
it.each(['decoding/speculative-acceptance', 'rl/ppo-clipped-surrogate'])('%s: tables and long inline formulas stay in the statement', async (id) => {
  await app.goto(`/problems/${id}`);
  await app.page.waitForFunction(() => (document.querySelector('.statement-pane .markdown')?.children.length ?? 0) > 0, undefined, {
    timeout: TIMEOUT_MS,
  });
  await expectNoSidewaysScroll();
  app.assertHealthy();
});

it('a running round: no sideways scroll, toolbar buttons never overlap', async () => {
  app.page.once('dialog', (dialog) => void dialog.accept());
  await app.goto(`/rounds/${ROUND}`);
  await app.page.getByTestId('start-round').click();
  await app.page.waitForURL(/#\/rounds\/attempt\//);
  await app.waitForEditor();
  await app.page.getByTestId('round-timer').waitFor();
  await shoot('round-running');
  await shoot('round-running-toolbar', '[data-testid="toolbar"]');
  await expectNoSidewaysScroll();
  await expectToolbarFits(4);
  const header = await boxes('.round-header :is(button, a, [data-testid="round-timer"])');
  expectInViewport(header);
  app.assertHealthy();
});

