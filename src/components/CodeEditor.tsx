import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Monaco } from '../editor/monaco';
import type * as MonacoApi from 'monaco-editor/editor/editor.api';

/** A problem reported on a line of the user's file, shown as a Monaco marker. */
export interface EditorMarker {
  line: number;
  column?: number;
  message: string;
}

/** What the page can do to the editor once it is up. */
export interface CodeEditorHandle {
  getValue(): string;
  /** Replace the whole text as one undoable edit (fires onChange). */
  setValue(source: string): void;
  /** Move the cursor to a 1-based line and scroll it into view. */
  revealLine(line: number, column?: number): void;
  setMarkers(markers: EditorMarker[]): void;
  focus(): void;
}

interface CodeEditorProps {
  problemId: string;
  initialValue: string;
  handleRef: RefObject<CodeEditorHandle | null>;
  onChange(value: string): void;
  onRun(): void;
  onSubmit(): void;
  /** Locks the text (a mock round whose time is up); Run/Submit shortcuts still fire. */
  readOnly?: boolean;
}

declare global {
  interface Window {
    /** Test hook: browser tests set and read the code through this, since typing into Monaco is flaky. */
    __tensordojo?: { setCode(source: string): void; getCode(): string };
  }
}

const MARKER_OWNER = 'tensordojo';

/** Monaco lives in its own chunk; the first editor on the page pays for loading it. */
let monacoPromise: Promise<Monaco> | undefined;
export function loadMonaco(): Promise<Monaco> {
  monacoPromise ??= import('../editor/monaco').then((module) => module.monaco);
  return monacoPromise;
}

export function CodeEditor({ problemId, initialValue, handleRef, onChange, onRun, onSubmit, readOnly = false }: CodeEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const instanceRef = useRef<MonacoApi.editor.IStandaloneCodeEditor | null>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const [loadError, setLoadError] = useState<string>();
  const [ready, setReady] = useState(false);
  // Latest callbacks, read by Monaco commands registered once at creation.
  const callbacks = useRef({ onChange, onRun, onSubmit });
  callbacks.current = { onChange, onRun, onSubmit };
  const initialValueRef = useRef(initialValue);

  useEffect(() => {
    let disposed = false;
    let editor: MonacoApi.editor.IStandaloneCodeEditor | undefined;
    let model: MonacoApi.editor.ITextModel | undefined;

    loadMonaco().then(
      (monaco) => {
        if (disposed || !containerRef.current) return;
        const uri = monaco.Uri.parse(`file:///problems/${problemId}/solution.ts`);
        monaco.editor.getModel(uri)?.dispose();
        const createdModel = monaco.editor.createModel(initialValueRef.current, 'typescript', uri);
        model = createdModel;
        const created = monaco.editor.create(containerRef.current, {
          model: createdModel,
          theme: 'tensordojo',
          automaticLayout: true,
          fontSize: 14,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          fixedOverflowWidgets: true,
          glyphMargin: false,
          padding: { top: 8 },
          readOnly: readOnlyRef.current,
        });
        editor = created;
        instanceRef.current = created;

        created.addAction({
          id: 'tensordojo.run',
          label: 'TensorDojo: Run examples',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => callbacks.current.onRun(),
        });
        created.addAction({
          id: 'tensordojo.submit',
          label: 'TensorDojo: Submit',
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
          run: () => callbacks.current.onSubmit(),
        });
        createdModel.onDidChangeContent(() => {
          // Editing invalidates the judge's markers: they point at code that has changed.
          monaco.editor.setModelMarkers(createdModel, MARKER_OWNER, []);
          callbacks.current.onChange(createdModel.getValue());
        });

        const handle: CodeEditorHandle = {
          getValue: () => createdModel.getValue(),
          setValue(source) {
            if (source === createdModel.getValue()) return;
            created.pushUndoStop();
            createdModel.pushEditOperations([], [{ range: createdModel.getFullModelRange(), text: source }], () => null);
            created.pushUndoStop();
          },
          revealLine(line, column = 1) {
            const safeLine = Math.min(Math.max(1, line), createdModel.getLineCount());
            created.setPosition({ lineNumber: safeLine, column });
            created.revealLineInCenter(safeLine);
            created.focus();
          },
          setMarkers(markers) {
            monaco.editor.setModelMarkers(
              createdModel,
              MARKER_OWNER,
              markers
                .filter((marker) => marker.line >= 1 && marker.line <= createdModel.getLineCount())
                .map((marker) => ({
                  severity: monaco.MarkerSeverity.Error,
                  message: marker.message,
                  startLineNumber: marker.line,
                  endLineNumber: marker.line,
                  startColumn: marker.column ?? createdModel.getLineFirstNonWhitespaceColumn(marker.line) ?? 1,
                  endColumn: createdModel.getLineMaxColumn(marker.line),
                })),
            );
          },
          focus: () => created.focus(),
        };
        handleRef.current = handle;
        window.__tensordojo = { setCode: (source) => handle.setValue(source), getCode: () => handle.getValue() };
        setReady(true);
      },
      (error: unknown) => {
        if (!disposed) setLoadError(error instanceof Error ? error.message : String(error));
      },
    );

    return () => {
      disposed = true;
      handleRef.current = null;
      instanceRef.current = null;
      delete window.__tensordojo;
      editor?.dispose();
      model?.dispose();
    };
  }, [problemId, handleRef]);

  useEffect(() => {
    instanceRef.current?.updateOptions({ readOnly });
  }, [readOnly, ready]);

  return (
    <div className="editor-frame">
      <div
        className="editor"
        data-testid="editor"
        data-ready={ready ? 'true' : 'false'}
        data-readonly={readOnly ? 'true' : 'false'}
        ref={containerRef}
      />
      {!ready && !loadError && <div className="editor-overlay">Loading editor…</div>}
      {loadError && <div className="editor-overlay error">The editor failed to load: {loadError}</div>}
    </div>
  );
}
