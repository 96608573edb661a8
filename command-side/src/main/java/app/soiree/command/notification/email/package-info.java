/** Email over SMTP with Spring's mail support: a plain-text and an HTML part from templates, in the recipient's language. */
@NullMarked
package app.soiree.command.notification.email;

import org.jspecify.annotations.NullMarked;
