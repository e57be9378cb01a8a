/**
 * Grading a notebook in Node as the app does it: the kernel observes, the grader's judges decide
 * (in the app the two halves run in different realms: the kernel worker and the page).
 */
import type { NotebookKernel } from '../../workers/NotebookKernel';
import { loadGrader } from '../../src/notebook/graders';
import { judgeGrade } from '../../src/notebook/judgeGrade';
import type { GradeReport, GradeRequest } from '../../src/shared/notebookProtocol';

export async function gradeInProcess(kernel: NotebookKernel, request: GradeRequest): Promise<GradeReport> {
  const observed = await kernel.observe(request);
  return judgeGrade(await loadGrader(request.notebookId), observed);
}
