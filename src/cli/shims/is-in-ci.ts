// Stands in for the `is-in-ci` package inside the bundle. Ink asks it whether to draw live frames:
// under CI (CI or CONTINUOUS_INTEGRATION set) it draws nothing until it unmounts. briefing only
// renders the reader when stdout is a terminal (a pipe or a log gets the plain listing), so a live
// terminal is always what it draws on, even for a user whose shell profile exports CI=true.
const isInCi = false;
export default isInCi;
