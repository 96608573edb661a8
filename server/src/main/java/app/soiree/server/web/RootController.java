package app.soiree.server.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A browser opening the server's address lands in the console. */
@Controller
@ConditionalOnBooleanProperty("soiree.role.console")
class RootController {

    @GetMapping("/")
    String console() {
        return "redirect:/console/";
    }
}
