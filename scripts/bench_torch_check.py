#!/usr/bin/env python3
"""The bench's side-by-side (npm run bench): the same Submit cases of scaled-dot-product attention,
checked the way a candidate without TensorDojo would check them -- a local PyTorch function run
on each case's inputs and compared with torch.allclose at the judge's tolerance.

Reads the cases exported by src/bench/exportCases.ts (JSON), prints one JSON line:
  {"import_ms": ..., "process_ms": ..., "check_ms": [per run], "passed": n, "cases": n}
import_ms is `import torch`; check_ms is one full check of every case (tensors built from the
inputs, the function run, the comparison), repeated --runs times in one process.
"""
import json
import sys
import time

started = time.perf_counter()
import torch  # noqa: E402  (timed on purpose)

import_ms = (time.perf_counter() - started) * 1000

DTYPES = {"float32": torch.float32, "int32": torch.int32, "bool": torch.bool}


def scaled_dot_product_attention(q, k, v, mask=None):
    """The candidate's function: softmax(q k^T / sqrt(d)) v, fully masked rows give zeros."""
    d = q.shape[-1]
    scores = q @ k.transpose(-2, -1) / d**0.5
    if mask is None:
        return torch.softmax(scores, dim=-1) @ v
    allowed = mask.bool() if mask.dtype != torch.bool else mask
    scores = scores.masked_fill(~allowed, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    weights = torch.nan_to_num(weights, nan=0.0).masked_fill(~allowed, 0.0)
    return weights @ v


def tensor(arg):
    if arg is None or isinstance(arg, (int, float, bool)):
        return arg
    return torch.tensor(arg["data"], dtype=DTYPES[arg["dtype"]]).reshape(arg["shape"])


def check_all(cases, atol, rtol):
    passed = 0
    for case in cases:
        args = [tensor(a) for a in case["args"]]
        while args and args[-1] is None:
            args.pop()
        expected = tensor(case["expected"])
        got = scaled_dot_product_attention(*args)
        if got.shape == expected.shape and torch.allclose(got, expected, atol=atol, rtol=rtol):
            passed += 1
    return passed


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    with open(path) as f:
        exported = json.load(f)
    tol = exported["tolerance"]
    times = []
    passed = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        passed = check_all(exported["cases"], tol["atol"], tol["rtol"])
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"import_ms": import_ms, "check_ms": times, "passed": passed, "cases": len(exported["cases"]),
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
