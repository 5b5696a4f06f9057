/** True for a Russian passport series: exactly 4 digits. */
export function isValidPassportSeries(s: string): boolean {
  return /^\d{4}$/.test(s);
}

/** True for a Russian passport number: exactly 6 digits. */
export function isValidPassportNumber(s: string): boolean {
  return /^\d{6}$/.test(s);
}

/** True for the issuing department code printed in a passport: `NNN-NNN`. */
export function isValidIssueCode(s: string): boolean {
  return /^\d{3}-\d{3}$/.test(s);
}
