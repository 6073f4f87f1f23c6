/**
 * The console's HTTP API for the AV desk (Fishbowl Desktop's room server, docs/api/openapi.json), from Node:
 * GET /api/state, GET /api/openapi.json and POST /api/commands/{name}, each with the bearer token.
 *
 * Every failure comes back as a DeskError whose `kind` says what a technician should do about it, so the
 * module can show a clear status: the console is not there, the token is wrong, this is not a console, or the
 * session refused a command (nobody has the floor…). No Companion code here: the tests use it directly.
 */
'use strict'

const REQUEST_TIMEOUT_MS = 4000 // a console busy saving or making a PDF still answers within it
/** A command waits for the console's answer up to 2 s on the server (then 503), so it gets that much more. */
const COMMAND_EXTRA_MS = 2000

class DeskError extends Error {
	/**
	 * @param {'unreachable'|'unauthorized'|'not_a_console'|'refused'|'bad_value'|'too_many'|'failed'} kind
	 * @param {string} message what happened, in words for the log and the status line
	 * @param {number} [status] the HTTP status, when there was an answer
	 */
	constructor(kind, message, status) {
		super(message)
		this.kind = kind
		this.status = status
	}
}

class DeskClient {
	/**
	 * @param {{host: string, port: number, token: string, timeoutMs?: number}} options
	 */
	constructor({ host, port, token, timeoutMs = REQUEST_TIMEOUT_MS }) {
		const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
		this.base = `http://${bracketed}:${port}`
		this.token = token
		this.timeoutMs = timeoutMs
	}

	/** What the projector shows, as of the answer (time left, phase, speaker, next, queue, blank…). */
	async state() {
		return this.#request('GET', '/api/state')
	}

	/** The OpenAPI description the console serves: the commands it takes today. */
	async description() {
		return this.#request('GET', '/api/openapi.json')
	}

	/**
	 * Run one command as its key on the console does; resolves to the new state.
	 * @param {string} name
	 * @param {Record<string, unknown>} [values]
	 */
	async command(name, values = {}) {
		const answer = await this.#request('POST', `/api/commands/${encodeURIComponent(name)}`, values)
		return answer.state
	}

	async #request(method, path, body) {
		let response
		try {
			response = await fetch(this.base + path, {
				method,
				headers: {
					Authorization: `Bearer ${this.token}`,
					...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(this.timeoutMs + (method === 'POST' ? COMMAND_EXTRA_MS : 0)),
			})
		} catch (e) {
			const why = e?.name === 'TimeoutError' ? 'no answer in time' : (e?.cause?.code ?? e?.message ?? String(e))
			throw new DeskError('unreachable', `The console does not answer at ${this.base} (${why})`)
		}
		const text = await response.text().catch(() => '')
		let data
		try {
			data = JSON.parse(text)
		} catch {
			data = undefined
		}
		if (response.ok && data && typeof data === 'object') return data
		const detail = data?.detail ? `: ${data.detail}` : ''
		switch (response.status) {
			case 401:
				throw new DeskError(
					'unauthorized',
					'Wrong API token: copy it from the console (Room → Room links…, AV desk, Show token)',
					401,
				)
			case 404:
				if (data?.error === 'unknown_command') throw new DeskError('refused', `Unknown command${detail}`, 404)
				throw new DeskError('not_a_console', `${this.base} is not a Fishbowl Desktop room with the desk's API`, 404)
			case 400:
				throw new DeskError('bad_value', `Value refused${detail}`, 400)
			case 409:
				throw new DeskError('refused', `The console refused it${detail}`, 409)
			case 429:
				throw new DeskError('too_many', `Too many commands${detail}`, 429)
			default:
				if (!data) throw new DeskError('not_a_console', `${this.base} answered ${response.status}, not JSON`, response.status)
				throw new DeskError('failed', `The console answered ${response.status}${detail}`, response.status)
		}
	}
}

module.exports = { DeskClient, DeskError, REQUEST_TIMEOUT_MS }
