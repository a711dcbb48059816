// sentencex ships JavaScript only; this is the one function we use.
declare module 'sentencex' {
  /** Splits `text` into sentences using the abbreviation list of `language` (non-destructive: pieces are
   *  substrings of the input, in order). */
  export default function segment(language: string, text: string): string[];
}
