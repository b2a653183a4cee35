// Glue only. In a build, the first-paint script (components/snapshot.js) adds this module once the
// page's last rendering is on screen, or at once when there is none to paint (SPEC §11); the app
// is a chunk of its own, so that its files are fetched side by side.
void import('./app');
