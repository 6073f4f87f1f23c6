/**
 * Fishbowl Desktop for Bitfocus Companion: a Stream Deck (or any Companion surface) runs the console's speaker
 * timer and free chair over the room's HTTP API for the AV desk, and shows the time left, who speaks and who is
 * next on its keys.
 *
 * The pieces without Companion live beside this file (desk.js: the API; connection.js: polling and reconnection;
 * commands.js: the actions from the OpenAPI description; state.js: variables and feedbacks); this file wires them
 * to Companion's instance API.
 */
'use strict'

const { InstanceBase, InstanceStatus, runEntrypoint } = require('@companion-module/base')
const { consoleAddress } = require('./address')
const { DeskClient } = require('./desk')
const { Connection } = require('./connection')
const { actionDefinitions } = require('./commands')
const { VARIABLES, reading } = require('./state')
const { feedbackDefinitions, presetDefinitions } = require('./looks')
const SHIPPED = require('./openapi.json')

const DEFAULT_PORT = 8765
const TICK_MS = 100 // the digits between polls: a key changes within 0.1 s of the console's second

const STATUS = {
	connecting: InstanceStatus.Connecting,
	ok: InstanceStatus.Ok,
	unreachable: InstanceStatus.ConnectionFailure,
	unauthorized: InstanceStatus.AuthenticationFailure,
	not_a_console: InstanceStatus.BadConfig,
}

class FishbowlInstance extends InstanceBase {
	async init(config, _isFirstInit, secrets) {
		this.state = null
		this.receivedAt = 0
		this.shown = { variables: {}, flags: {} }
		this.commandsFrom = ''
		this.setFeedbackDefinitions(feedbackDefinitions(this))
		this.setVariableDefinitions(Object.entries(VARIABLES).map(([variableId, name]) => ({ variableId, name })))
		this.#useDescription(SHIPPED, 'shipped')
		this.#show()
		this.tick = setInterval(() => this.#show(), TICK_MS)
		await this.configUpdated(config, secrets)
	}

	async configUpdated(config, secrets) {
		this.config = config ?? {}
		this.secrets = secrets ?? {}
		await this.connection?.stop()
		this.connection = null
		this.#take(null) // another console, or another token: nothing shown until it answers
		const where = consoleAddress(this.config.host, this.config.port, DEFAULT_PORT)
		const token = String(this.secrets.token ?? '').trim()
		if (!where || !token) {
			this.updateStatus(InstanceStatus.BadConfig, !where ? "Enter the console laptop's address" : 'Enter the API token')
			return
		}
		this.client = new DeskClient({ ...where, token })
		const connection = new Connection(this.client, { pollMs: Number(this.config.poll_ms) || 500 })
		connection.on('status', (kind, message) => {
			this.updateStatus(STATUS[kind] ?? InstanceStatus.UnknownWarning, message)
			this.log(kind === 'ok' || kind === 'connecting' ? 'info' : 'warn', message)
			if (kind !== 'ok' && kind !== 'connecting') this.#take(null)
		})
		connection.on('state', (state) => this.#take(state))
		connection.on('description', (description) => this.#useDescription(description, 'console'))
		this.connection = connection
		connection.start()
	}

	async destroy() {
		clearInterval(this.tick)
		await this.connection?.stop()
		this.connection = null
	}

	getConfigFields() {
		return [
			{
				type: 'static-text',
				id: 'info',
				width: 12,
				label: 'Fishbowl Desktop',
				value:
					'On the console: Room → Room on, then Room → Room links, QR codes and requests…: its "AV desk" box shows the address and, on "Show token", the API token.',
			},
			{
				type: 'textinput',
				id: 'host',
				label: "Console laptop's address (its IP, or the address the room window shows)",
				width: 8,
				default: '',
			},
			{ type: 'number', id: 'port', label: 'Port', width: 4, default: DEFAULT_PORT, min: 1, max: 65535 },
			{ type: 'secret-text', id: 'token', label: 'API token', width: 12, default: '' },
			{ type: 'number', id: 'poll_ms', label: 'Ask for the state every (ms)', width: 6, default: 500, min: 100, max: 5000 },
		]
	}

	async #run(name, values) {
		if (!this.client || !this.connection) throw new Error('Not configured: enter the address and the API token')
		try {
			this.connection.took(await this.client.command(name, values))
		} catch (error) {
			this.connection.failed(error)
			this.log('warn', `${name}: ${error.message}`)
			throw error
		}
	}

	#useDescription(description, from) {
		const actions = actionDefinitions(description, (name, values) => this.#run(name, values))
		const names = Object.keys(actions).join(',')
		if (from === 'console' && names === this.commandsFrom) return
		this.commandsFrom = names
		this.setActionDefinitions(actions)
		this.setPresetDefinitions(presetDefinitions(this.label, Object.keys(actions)))
	}

	#take(state) {
		this.state = state
		this.receivedAt = performance.now()
		this.#show()
	}

	/** Sends the variables and feedbacks that changed since the last time. */
	#show() {
		const elapsed = (performance.now() - this.receivedAt) / 1000
		const now = reading(this.state, elapsed)
		const changed = {}
		for (const [id, value] of Object.entries(now.variables)) {
			if (this.shown.variables[id] !== value) changed[id] = value
		}
		if (Object.keys(changed).length) this.setVariableValues(changed)
		const flips = Object.keys(now.flags).filter((f) => this.shown.flags[f] !== now.flags[f])
		this.shown = now
		if (flips.length) this.checkFeedbacks(...flips)
	}
}

runEntrypoint(FishbowlInstance, [])
