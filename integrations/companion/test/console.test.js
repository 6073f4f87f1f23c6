/**
 * The module against the real console: FISHBOWL_API_URL (http://127.0.0.1:PORT) and FISHBOWL_API_TOKEN name a
 * running room (tests/integrations/test_companion_module.py starts one and runs these). Each key is pressed
 * through Companion's IPC as a Stream Deck's would be; what the console did is read back over the API.
 */
'use strict'

const { describe, test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const net = require('node:net')
const { CompanionHost } = require('./companion-host')
const { DeskClient } = require('../src/desk')
const { commandsOf } = require('../src/commands')
const { formatSeconds } = require('../src/state')

const URL_ = process.env.FISHBOWL_API_URL
const TOKEN = process.env.FISHBOWL_API_TOKEN
const skip = !(URL_ && TOKEN) && 'no console: set FISHBOWL_API_URL and FISHBOWL_API_TOKEN (the pytest test does)'
const where = URL_ ? new URL(URL_) : new URL('http://127.0.0.1:1')
const config = { host: where.hostname, port: Number(where.port), poll_ms: 200 }
const desk = new DeskClient({ host: where.hostname, port: Number(where.port), token: TOKEN ?? '' })

describe('a Stream Deck on the console', { skip }, () => {
	const host = new CompanionHost()
	before(async () => {
		await host.start(config, { token: TOKEN })
		await host.waitFor(() => host.status?.status === 'ok', 'status ok')
		await host.subscribe('running', 'paused', 'warning', 'overtime', 'blank')
	})
	after(() => host.stop())

	/** The console's state now (over the API), once the module's variables and feedbacks show exactly it. */
	async function settled(what) {
		const state = await desk.state()
		// while the time runs on a console with a real clock the digits move on: compared only while they stand
		const time = state.rem === undefined ? '' : state.run ? '(running)' : formatSeconds(state.rem)
		const wanted = [state.queue, (state.speaker ?? '').replace(/[\u2066-\u2069]/g, ''), time, state.run === true, state.mode === 'blank']
		let shown
		await host
			.waitFor(() => {
				const v = host.variables
				const f = host.feedbackValues
				shown = [v.queue_length, v.speaker, state.run && v.time_left ? '(running)' : v.time_left, f.running, f.blank]
				return JSON.stringify(shown) === JSON.stringify(wanted)
			}, `${what}: console ${JSON.stringify(state)}`)
			.catch((e) => {
				throw new Error(`${e.message}\nmodule shows ${JSON.stringify(shown)}, wanted ${JSON.stringify(wanted)}`)
			})
		return state
	}

	/** Waits until the feedback `id` of the buttons is `value` (its update comes in a message of its own). */
	const shows = (id, value) => host.waitFor(() => host.feedbackValues[id] === value, `feedback ${id} = ${value}`)
	/** Waits until the variable `id` is `value`. */
	const says = (id, value) => host.waitFor(() => host.variables[id] === value, `variable ${id} = ${JSON.stringify(value)}`)

	test("the actions are the commands the console serves", async () => {
		const served = commandsOf(await desk.description()).map((c) => c.name)
		await host.waitFor(() => Object.keys(host.actions).sort().join() === [...served].sort().join(), 'actions = served commands')
	})

	test('a key runs each command on the console and the keys follow', async () => {
		let state = await settled('at the start')
		assert.ok(state.queue > 0, 'the demo evening has a queue')
		let answer = await host.press('next')
		assert.ok(answer.success, answer.errorMessage)
		state = await settled('after Next')
		assert.ok(state.speaker, 'someone has the floor')
		const names = [...state.next.matchAll(/\u2068([^\u2069]*)\u2069/g)].map((m) => m[1])
		assert.ok(names.length > 0, `names in ${JSON.stringify(state.next)}`)
		await says('next', names.join(' · '))

		if (!state.run) {
			assert.ok((await host.press('toggle_timer')).success)
			state = await settled('started')
		}
		await shows('running', true)
		await says('phase', 'running')
		assert.ok((await host.press('toggle_timer')).success)
		state = await settled('paused')
		assert.equal(state.run, false)
		await shows('paused', true)

		while (state.rem > state.warn) {
			assert.ok((await host.press('take_time')).success)
			state = await desk.state()
		}
		state = await settled('in the warning')
		await shows('warning', true)
		await says('phase', 'warning')
		while (state.rem > 0) {
			assert.ok((await host.press('take_time')).success)
			state = await desk.state()
		}
		state = await settled('in overtime')
		await shows('overtime', true)
		await shows('warning', false)
		assert.ok((await host.press('add_time')).success)
		state = await settled('+30 s')
		await shows('overtime', false)

		answer = await host.press('message', { text: 'Bitte zum Schluss, $(fishbowl:speaker)' })
		assert.ok(answer.success, answer.errorMessage)
		state = await desk.state()
		assert.equal(state.message, `Bitte zum Schluss, ${state.speaker}`)
		await host.waitFor(() => host.variables.message === state.message, 'the message variable')
		assert.ok((await host.press('message', { text: '' })).success)
		assert.equal((await desk.state()).message, '')

		assert.ok((await host.press('blank')).success)
		state = await settled('blanked')
		await says('mode', 'blank')
		assert.ok((await host.press('blank')).success)
		await settled('shown again')

		assert.ok((await host.press('reset_timer')).success)
		state = await settled('reset')
		assert.equal(state.rem, state.allot)
		assert.ok((await host.press('end_turn')).success)
		state = await settled('turn ended')
		await says('time_left', '')

		const before = host.statuses.length
		answer = await host.press('toggle_timer') // nobody has the floor: the console's words, the connection stays
		assert.equal(answer.success, false)
		assert.match(answer.errorMessage ?? '', /refused/)
		assert.deepEqual(host.statuses.slice(before), [], 'a refusal is no connection problem')
	})
})

describe('a wrong token', { skip }, () => {
	test('is said in the status, and the right one connects without a restart', async () => {
		const host = new CompanionHost()
		try {
			await host.start(config, { token: 'not-the-token-not-the-token' })
			await host.waitFor(() => host.status?.status === 'authentication_failure', 'authentication_failure')
			assert.match(host.status.message, /token/)
			await host.waitFor(() => host.variables.phase === 'offline', 'phase offline')
			// and the address as the room window shows it, pasted whole (its port wins over the port field)
			await host.updateConfig({ host: `${URL_}/api/state`, port: 1, poll_ms: 200 }, { token: TOKEN })
			await host.waitFor(() => host.status?.status === 'ok', 'ok with the right token')
			await host.waitFor(() => Number.isInteger(host.variables.queue_length), 'the state arrives')
		} finally {
			await host.stop()
		}
	})
})

/** A TCP relay to the console that can be cut and restored on the same port: the console gone and back. */
class Relay {
	constructor(target) {
		this.target = target
		this.sockets = new Set()
	}
	async open(port = 0) {
		this.server = net.createServer((inbound) => {
			const outbound = net.connect(this.target.port, this.target.host)
			for (const s of [inbound, outbound]) {
				this.sockets.add(s)
				s.on('close', () => this.sockets.delete(s))
				s.on('error', () => undefined)
			}
			inbound.pipe(outbound).pipe(inbound)
		})
		await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve))
		this.port = this.server.address().port
	}
	async cut() {
		for (const s of this.sockets) s.destroy()
		await new Promise((resolve) => this.server.close(resolve))
	}
}

describe('the console gone and back', { skip }, () => {
	test('the status says so, the keys go dark, and it reconnects by itself', async () => {
		const relay = new Relay({ host: config.host, port: config.port })
		await relay.open()
		const host = new CompanionHost()
		try {
			await host.start({ ...config, port: relay.port }, { token: TOKEN })
			await host.subscribe('offline', 'running')
			await host.waitFor(() => host.status?.status === 'ok', 'ok through the relay')
			await host.waitFor(() => host.feedbackValues.offline === false, 'not offline')
			await host.waitFor(() => Number.isInteger(host.variables.queue_length), 'the state arrives')
			await relay.cut()
			await host.waitFor(() => host.status?.status === 'connection_failure', 'connection_failure')
			assert.match(host.status.message, /does not answer/)
			await host.waitFor(() => host.variables.phase === 'offline' && host.variables.queue_length === '', 'keys go dark')
			await host.waitFor(() => host.feedbackValues.offline === true && host.feedbackValues.running === false, 'offline')
			await relay.open(relay.port)
			await host.waitFor(() => host.status?.status === 'ok', 'reconnected', 40000)
			await host.waitFor(() => host.feedbackValues.offline === false, 'online again')
			await host.waitFor(() => Number.isInteger(host.variables.queue_length), 'the state again')
		} finally {
			await host.stop()
			await relay.cut().catch(() => undefined)
		}
	})
})
