/**
 * Markdown with KaTeX math for problem statements, hints and solutions. These are our own files
 * from problems/, trusted at build time; user code never passes through here.
 * `$$…$$` renders as display math, `$…$` inline.
 */
import { Marked, type TokenizerAndRendererExtension } from 'marked';
import katex from 'katex';
import 'katex/dist/katex.min.css';

function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: 'html', strict: 'ignore' });
}

const blockMath: TokenizerAndRendererExtension = {
  name: 'blockMath',
  level: 'block',
  start(src) {
    return src.match(/^ {0,3}\$\$/m)?.index;
  },
  tokenizer(src) {
    const match = /^ {0,3}\$\$([\s\S]+?)\$\$[^\S\n]*(?:\n|$)/.exec(src);
    if (match) return { type: 'blockMath', raw: match[0], text: match[1].trim() };
    return undefined;
  },
  renderer(token) {
    return `<div class="math-display">${renderMath(token.text as string, true)}</div>\n`;
  },
};

const inlineMath: TokenizerAndRendererExtension = {
  name: 'inlineMath',
  level: 'inline',
  start(src) {
    const at = src.indexOf('$');
    return at >= 0 ? at : undefined;
  },
  tokenizer(src) {
    const display = /^\$\$([\s\S]+?)\$\$/.exec(src);
    if (display) return { type: 'inlineMath', raw: display[0], text: display[1].trim(), display: true };
    // `$` must hug its content (`$x$`, not `$ 5 and $`), the usual rule that spares prices.
    const inline = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
    if (inline) return { type: 'inlineMath', raw: inline[0], text: inline[1], display: false };
    return undefined;
  },
  renderer(token) {
    return renderMath(token.text as string, Boolean(token.display));
  },
};

const marked = new Marked({ gfm: true, async: false });
marked.use({ extensions: [blockMath, inlineMath] });

/** Render trusted markdown to HTML. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false }) as string;
}
