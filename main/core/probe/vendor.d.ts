// Type declarations for two installed libraries that ship none (or ship them misnamed).
declare module 'unicode-confusables' {
  export interface ConfusablePoint {
    point: string;
    similarTo?: string;
  }
  const lib: {
    confusables(input: string): ConfusablePoint[];
    isConfusing(input: string): boolean;
    rectifyConfusion(input: string): string;
  };
  export default lib;
}

declare module 'unicode-name' {
  /** Name, alias or label of one character; undefined for unassigned code points. */
  export function unicodeName(char: string): string | undefined;
}
