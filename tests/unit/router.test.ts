import { describe, expect, it } from 'vitest';
import { parseHash } from '../../src/router';

describe('parseHash: list, tracks and progress pages', () => {
  it.each([
    ['', { kind: 'list' }],
    ['#/', { kind: 'list' }],
    ['#/?track=attention', { kind: 'list', track: 'attention' }],
    ['#/?track=', { kind: 'list' }],
    ['#/tracks', { kind: 'tracks' }],
    ['#/tracks/', { kind: 'tracks' }],
    ['#/progress', { kind: 'progress' }],
    ['#/progressive', { kind: 'not-found', path: '/progressive' }],
    ['#/problems/attention/scaled-dot-product', { kind: 'problem', problemId: 'attention/scaled-dot-product' }],
    ['#/notebooks/spirals-mlp', { kind: 'notebook', notebookId: 'spirals-mlp' }],
    ['#/notebooks/spirals-mlp?round=a1', { kind: 'notebook', notebookId: 'spirals-mlp', roundAttemptId: 'a1' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });
});
