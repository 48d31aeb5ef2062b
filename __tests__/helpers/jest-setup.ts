// Runs before every test file (jest.config.js setupFiles): no test reaches the network by
// accident. Loopback stays open for the tests that serve fakes on a real node:http server.
import nock from './nock.js'

nock.disableNetConnect()
nock.enableNetConnect(host => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host))
