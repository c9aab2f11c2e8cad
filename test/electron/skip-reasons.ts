// A Playwright reporter that prints why each test was skipped ("Electron binary not present"…),
// so a skipped Electron run says so plainly instead of showing a bare "-".
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasons implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((annotation) => annotation.type === 'skip').map((annotation) => annotation.description ?? 'no reason given');
    console.log(`skipped: ${test.title} — ${reasons.join('; ')}`);
  }
}
