/** What every email check returns: problems for people to read, split by whether they stop the build. */

export type CheckName = 'size' | 'line-length' | 'client-support' | 'forbidden';

export interface Issue {
  check: CheckName;
  /** A sentence for the person fixing the template, e.g. `email HTML is 104.2 KB; Gmail clips messages over 102 KB`. */
  message: string;
}

export interface CheckResult {
  errors: Issue[];
  warnings: Issue[];
}
