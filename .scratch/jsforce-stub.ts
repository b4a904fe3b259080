export const VERSION = '0.0.0-stub';
export class Connection {
	constructor(..._args: unknown[]) {}
}
