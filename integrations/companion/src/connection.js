/**
 * Keeps the module in touch with the console: polls GET /api/state, reads the served description once per
 * connection, and reconnects by itself when the console was gone (the room switched off, the laptop asleep,
 * the Wi-Fi down) — quickly at first, then every few seconds, never giving up. It reports what is wrong in
 * words once per change, not once per try.
 *
 * Events: 'status' (kind, message) with kind 'connecting' | 'ok' | a DeskError kind; 'state' (state, receivedAt in
 * performance.now() milliseconds); 'description' (the OpenAPI document the console serves).
 */
'use strict'

const { EventEmitter } = require('node:events')

class Connection extends EventEmitter {
	/**
	 * @param {import('./desk').DeskClient} client
	 * @param {{pollMs?: number, retryMs?: number, maxRetryMs?: number}} [timing]
	 */
	constructor(client, { pollMs = 500, retryMs = 1000, maxRetryMs = 5000 } = {}) {
		super()
		this.client = client
		this.pollMs = pollMs
		this.retryMs = retryMs
		this.maxRetryMs = maxRetryMs
		this.connected = false
		this.lastStatus = null
		this.failures = 0
		this.stopped = true
		this.wake = null
		this.lastAt = null
	}

	start() {
		if (!this.stopped) return
		this.stopped = false
		this.#report('connecting', `Connecting to ${this.client.base}`)
		this.running = this.#loop()
	}

	/** Ends the loop; resolves when no request of it is left. */
	async stop() {
		this.stopped = true
		this.wake?.()
		await this.running
	}

	/** Poll now (after a command: the keys follow at once). */
	poke() {
		this.wake?.()
	}

	/** A state that came with a command's answer counts as a poll. */
	took(state) {
		if (state && typeof state === 'object') this.#accept(state)
	}

	/** A poll sent before a command may answer after it: a state older than the one shown (by the console's
	 * clock, `at`) is dropped, so a key never flickers back. */
	#accept(state) {
		const at = typeof state.at === 'number' ? state.at : null
		if (at !== null && this.lastAt !== null && at < this.lastAt) return
		if (at !== null) this.lastAt = at
		this.emit('state', state, performance.now())
	}

	/** A request of the module's own (a command) found the console gone or the token wrong. */
	failed(error) {
		if (['unreachable', 'unauthorized', 'not_a_console'].includes(error.kind)) {
			this.connected = false
			this.#report(error.kind, error.message)
			this.poke()
		}
	}

	async #loop() {
		while (!this.stopped) {
			let pause = this.pollMs
			try {
				const state = await this.client.state()
				if (this.stopped) break
				if (!this.connected) {
					this.connected = true
					this.lastAt = null // the console may have restarted: its clock starts anew
					this.failures = 0
					this.#report('ok', `Connected to ${this.client.base}`)
					try {
						this.emit('description', await this.client.description())
					} catch {
						// an older console without the description: the shipped one stays
					}
				}
				this.#accept(state)
			} catch (error) {
				if (this.stopped) break
				this.connected = false
				this.failures += 1
				this.#report(error.kind ?? 'failed', error.message ?? String(error))
				pause = Math.min(this.maxRetryMs, this.retryMs * 2 ** (this.failures - 1))
			}
			await this.#sleep(pause)
		}
	}

	#report(kind, message) {
		const key = `${kind}\n${message}`
		if (key === this.lastStatus) return
		this.lastStatus = key
		this.emit('status', kind, message)
	}

	#sleep(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(done, ms)
			const self = this
			function done() {
				clearTimeout(timer)
				self.wake = null
				resolve()
			}
			this.wake = done
		})
	}
}

module.exports = { Connection }
