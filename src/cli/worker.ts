// PLACEHOLDER: the parse worker (issue 4) replaces this.
export {};
