import type { BackendChoice, BackendName } from '../shared/protocol';
import { BACKEND_CHOICES } from '../storage/settings';

/** Where the runner stands, as the backend indicator shows it. */
export interface RunnerStatus {
  state: 'idle' | 'starting' | 'ready' | 'error';
  /** The backend that actually runs (or last ran) the code. */
  backend?: BackendName;
  /** Why that backend: auto's reasoning or "chosen by the user". */
  reason?: string;
  adapter?: string;
  error?: string;
}

interface BackendPickerProps {
  choice: BackendChoice;
  status: RunnerStatus;
  disabled: boolean;
  onChange(choice: BackendChoice): void;
}

const LABELS: Record<BackendChoice, string> = {
  auto: 'Auto',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export function BackendPicker({ choice, status, disabled, onChange }: BackendPickerProps) {
  const detail = [status.reason, status.adapter].filter(Boolean).join(' · ');
  return (
    <div className="backend-picker">
      <label className="backend-select">
        <span className="muted">Backend</span>
        <select
          data-testid="backend-select"
          value={choice}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value as BackendChoice)}
        >
          {BACKEND_CHOICES.map((value) => (
            <option key={value} value={value}>
              {LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <span
        className={`backend-indicator state-${status.state}`}
        data-testid="backend"
        data-backend={status.backend ?? ''}
        title={status.error ?? detail}
      >
        <span className="dot" aria-hidden="true" />
        {status.state === 'error' ? (
          <>backend failed: {status.error}</>
        ) : status.backend ? (
          <>
            <span>
              on <strong>{status.backend}</strong>
            </span>
            {status.reason && <span className="muted reason">— {status.reason}</span>}
          </>
        ) : status.state === 'starting' ? (
          <>starting {choice === 'auto' ? 'backend' : choice}…</>
        ) : (
          <>not started</>
        )}
      </span>
    </div>
  );
}
