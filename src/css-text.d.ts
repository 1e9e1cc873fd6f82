/** Stylesheets imported `with { type: 'text' }`: esbuild inlines them as a string (for self-contained exports). */
declare module '*.css' {
    const text: string;
    export default text;
}
