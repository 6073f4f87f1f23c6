/**
 * Where the console is, from the connection's fields. The room window shows the desk's address as a whole URL
 * (http://192.168.1.20:8765/api/state); a technician who pastes that, or "192.168.1.20:8765", into the address
 * field gets the same connection as one who types the IP and the port apart.
 */
'use strict'

/**
 * @param {unknown} hostField what was typed as the address
 * @param {unknown} portField the port field (used when the address names none)
 * @param {number} defaultPort
 * @returns {{host: string, port: number} | null} null when there is no usable address
 */
function consoleAddress(hostField, portField, defaultPort) {
	const typed = String(hostField ?? '').trim()
	if (!typed) return null
	const port = Number(portField) || defaultPort
	let url
	try {
		url = new URL(typed.includes('://') ? typed : `http://${typed}`)
	} catch {
		return null
	}
	const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
	if (!host) return null
	return { host, port: url.port ? Number(url.port) : port }
}

module.exports = { consoleAddress }
