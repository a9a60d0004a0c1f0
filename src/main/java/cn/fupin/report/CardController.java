package cn.fupin.report;

import cn.fupin.system.NotFoundException;
import cn.fupin.system.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The household's 明白卡 as a printable HTML page (A4). */
@Controller
class CardController {

    private final HouseholdCard cards;

    CardController(HouseholdCard cards) {
        this.cards = cards;
    }

    @Operation(summary = "The household's 明白卡: a printable page of what it receives and why (ID numbers masked)")
    @Audited("CARD_READ")
    @GetMapping(path = "/api/households/{householdId}/card", produces = "text/html")
    String card(@PathVariable String householdId, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("card", cards.of(householdId));
            return "card";
        } catch (NotFoundException e) {
            // A page for the person who opened a card that does not exist, not a problem document.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "card-missing";
        }
    }
}
