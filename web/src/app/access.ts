// The role lists are the server's own (common/access.ts, used by every route's `config.access`): the web
// shows a menu item, a page or a button only to the roles the server would let use it. The server checks
// again on every request, and checks scope (which org units), which the web cannot know in advance.
export * from '../../../common/access';
