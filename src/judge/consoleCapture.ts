/**
 * `console` for the user's code while it is judged: what it logs is kept (per case) and shown
 * under the case, tensors previewed like `print` in notebooks (dtype, shape, the first values).
 * Bounded per run — MAX_CONSOLE_LINES lines and MAX_CONSOLE_BYTES of text — and beyond that only
 * counted, without formatting anything, so a `console.log` in a loop of a million costs little and
 * can neither flood the page nor blow memory. Lives in the user's realm: it only ever holds text.
 */
import type { ConsoleLine } from '../shared/protocol';
import type { TF } from './inputs';

export const MAX_CONSOLE_LINES = 200;
export const MAX_CONSOLE_BYTES = 64 * 1024;
/** Longest text one console call keeps; values a tensor preview shows. */
const MAX_LINE_CHARS = 2_000;
const PREVIEW_VALUES = 16;

type Stream = ConsoleLine['stream'];

export class ConsoleCapture {
  private lines: ConsoleLine[] = [];
  private kept = 0;
  private bytes = 0;
  private dropped = 0;
  /** The object the user's module sees as `console`. */
  readonly console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;

  constructor(
    private readonly tf: TF,
    private readonly echo?: (line: ConsoleLine) => void,
  ) {
    const write = (stream: Stream) => (...args: unknown[]) => this.write(stream, args);
    this.console = Object.freeze({ log: write('log'), info: write('info'), debug: write('log'), warn: write('warn'), error: write('error') });
  }

  /** Lines logged since the last take (the case just run), and how many of its lines were over the run's limit. */
  take(): { console?: ConsoleLine[]; consoleDropped?: number } {
    const lines = this.lines;
    const dropped = this.dropped;
    this.lines = [];
    this.dropped = 0;
    return { ...(lines.length ? { console: lines } : {}), ...(dropped ? { consoleDropped: dropped } : {}) };
  }

  private write(stream: Stream, args: unknown[]): void {
    if (this.kept >= MAX_CONSOLE_LINES || this.bytes >= MAX_CONSOLE_BYTES) {
      this.dropped++;
      return;
    }
    let text: string;
    try {
      text = args.map((arg) => this.format(arg)).join(' ');
    } catch {
      text = '(a value that could not be printed)';
    }
    if (text.length > MAX_LINE_CHARS) text = `${text.slice(0, MAX_LINE_CHARS)}… (${text.length - MAX_LINE_CHARS} more characters)`;
    this.kept++;
    this.bytes += text.length;
    const line = { stream, text };
    this.lines.push(line);
    this.echo?.(line);
  }

  private format(value: unknown): string {
    if (value instanceof this.tf.Tensor) return this.formatTensor(value);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined || value === null) return String(value);
    if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (Array.isArray(value) && value.some((item) => item instanceof this.tf.Tensor)) return `[${value.map((item) => this.format(item)).join(', ')}]`;
    try {
      const json = JSON.stringify(value, (_key, item) => (item instanceof this.tf.Tensor ? this.formatTensor(item) : item));
      return json === undefined ? String(value) : json.length > MAX_LINE_CHARS ? `${json.slice(0, MAX_LINE_CHARS)}…` : json;
    } catch {
      return Object.prototype.toString.call(value);
    }
  }

  private formatTensor(tensor: InstanceType<TF['Tensor']>): string {
    const head = `Tensor ${tensor.dtype} [${tensor.shape.join(', ')}]`;
    if (tensor.isDisposed) return `${head} (disposed)`;
    // Reads only the first values' worth of a large tensor's data would still copy it all: fine for
    // the sizes of these problems, and bounded by the line limits above.
    const data = Array.from(tensor.dataSync() as ArrayLike<number>);
    const shown = data.slice(0, PREVIEW_VALUES).map((v) => (Number.isInteger(v) ? String(v) : Number(v).toPrecision(5)));
    return `${head} [${shown.join(', ')}${data.length > PREVIEW_VALUES ? `, … ${data.length - PREVIEW_VALUES} more` : ''}]`;
  }
}
