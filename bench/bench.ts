// PLACEHOLDER: `npm run bench` (issue 4) replaces this.
console.log(JSON.stringify({}));
