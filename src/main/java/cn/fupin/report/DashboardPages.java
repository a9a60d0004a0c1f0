package cn.fupin.report;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard and its sign-in form, rendered on the server so that both carry the session's CSRF token. */
@Controller
class DashboardPages {

    @GetMapping("/")
    String dashboard(Principal user, Model model) {
        model.addAttribute("user", user.getName());
        return "dashboard";
    }

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
