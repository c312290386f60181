// Reasons the send command refuses to start: each problem names the file (and line) and what is wrong.

export class SendRefusedError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems, nothing was sent:\n- ${problems.join('\n- ')}`);
    this.name = 'SendRefusedError';
    this.problems = problems;
  }
}
