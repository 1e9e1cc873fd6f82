export declare function viewModelSchema(): { version: number; file: string; text: string };
