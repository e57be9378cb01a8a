import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { Runner } from './Runner';
import { pickAutoBackend } from './autoBackend';
import { lockDownGlobals } from './lockdown';
import { SandboxPool } from './sandboxRealm';
import { useBundledWasm } from './workerSetup';

useBundledWasm();

// The runner holds the judge; user code runs in sandbox workers it starts (one per run), never here.
Comlink.expose(new Runner(tf, pickAutoBackend, () => lockDownGlobals(self), new SandboxPool()));
