export interface TestResult { name: string; passed: boolean; error?: string; ms: number }
export declare const RESULT_MARKER: string;
export declare function formatResult(result: TestResult): string;
export declare function parseResult(line: string): TestResult | undefined;
