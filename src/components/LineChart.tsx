import type { PlotPoint } from '../shared/notebookProtocol';

const WIDTH = 320;
const HEIGHT = 140;
const PAD = { left: 44, right: 8, top: 18, bottom: 20 };

/** A live curve drawn as plain SVG: one series (`plot(name, step, value)` points), axes from its range. */
export function LineChart({ name, points }: { name: string; points: PlotPoint[] }) {
  const finite = points.filter((p) => Number.isFinite(p.value));
  const xs = finite.map((p) => p.step);
  const ys = finite.map((p) => p.value);
  const xMin = Math.min(...xs, 0);
  const xMax = Math.max(...xs, 1);
  let yMin = Math.min(...ys);
  let yMax = Math.max(...ys);
  if (!finite.length) [yMin, yMax] = [0, 1];
  if (yMax - yMin < 1e-9) [yMin, yMax] = [yMin - 0.5, yMax + 0.5];
  const sx = (x: number) => PAD.left + ((x - xMin) / (xMax - xMin || 1)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => HEIGHT - PAD.bottom - ((y - yMin) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = finite.map((p, i) => `${i ? 'L' : 'M'}${sx(p.step).toFixed(1)},${sy(p.value).toFixed(1)}`).join('');
  const last = finite[finite.length - 1];
  const nonFinite = points.length - finite.length;
  return (
    <figure className="line-chart" data-testid="plot" data-name={name} data-points={points.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`${name} curve`}>
        <text x={PAD.left} y={12} className="chart-title">
          {name}
          {last ? ` = ${formatNumber(last.value)} @ ${last.step}` : ''}
          {nonFinite ? ` (${nonFinite} non-finite)` : ''}
        </text>
        <line x1={PAD.left} y1={HEIGHT - PAD.bottom} x2={WIDTH - PAD.right} y2={HEIGHT - PAD.bottom} className="axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} className="axis" />
        <text x={PAD.left - 4} y={PAD.top + 4} className="tick" textAnchor="end">{formatNumber(yMax)}</text>
        <text x={PAD.left - 4} y={HEIGHT - PAD.bottom} className="tick" textAnchor="end">{formatNumber(yMin)}</text>
        <text x={PAD.left} y={HEIGHT - 4} className="tick">{xMin}</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} className="tick" textAnchor="end">{xMax}</text>
        <path d={path} className="series" />
      </svg>
    </figure>
  );
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e4) ? value.toExponential(2) : String(Number(value.toPrecision(4)));
}
